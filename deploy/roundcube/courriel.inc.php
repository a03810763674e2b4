<?php
// Roundcube beside Courriel in deploy/compose.yaml (the image reads every *.inc.php in /var/roundcube/config).
// Roundcube reaches the server as "courriel" on the compose network, while the certificate names
// COURRIEL_HOSTNAME: check the name against that, and accept the self-signed certificate Courriel
// generates when no SSL bundle is configured. With a certificate from a CA, drop allow_self_signed.
$courriel_tls = [
    'ssl' => [
        'peer_name' => getenv('COURRIEL_HOSTNAME') ?: 'mail.example.org',
        'verify_peer' => true,
        'allow_self_signed' => true,
    ],
];
$config['imap_conn_options'] = $courriel_tls;
$config['smtp_conn_options'] = $courriel_tls;
// Submission needs AUTH with the user's own credentials.
$config['smtp_user'] = '%u';
$config['smtp_pass'] = '%p';
