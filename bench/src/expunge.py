#!/usr/bin/env python3
"""Expunges the first N messages of INBOX over plain IMAP on loopback: bench/run-storage.sh's churn.

    expunge.py PORT USER PASSWORD N
"""
import imaplib
import sys
import time

port, user, password, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
start = time.time()
imap = imaplib.IMAP4('127.0.0.1', port)
imap.login(user, password)
typ, data = imap.select('INBOX')
total = int(data[0])
typ, data = imap.store('1:%d' % count, '+FLAGS.SILENT', '(\\Deleted)')
if typ != 'OK':
    sys.exit('STORE failed: %r' % data)
typ, data = imap.expunge()
if typ != 'OK':
    sys.exit('EXPUNGE failed: %r' % data)
typ, data = imap.select('INBOX')
print('expunged %d of %d messages, %s left, in %.1f s' % (count, total, data[0].decode(), time.time() - start))
imap.logout()
