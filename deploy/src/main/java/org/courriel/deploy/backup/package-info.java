/**
 * What a backup directory holds and how it goes back into a data directory, without Spring (a restore runs
 * before any server or database exists): the store's zip ({@link org.courriel.deploy.backup.BackupLayout}),
 * the key and certificate files of the data directory ({@link org.courriel.deploy.backup.DataDirectoryKeys}),
 * and the manifest ({@link org.courriel.deploy.backup.BackupManifest}). Never the live database files or the
 * admin socket. Depends on nothing of the command line.
 */
package org.courriel.deploy.backup;
