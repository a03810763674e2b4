#!/usr/bin/env python3
"""Part of deploy/smoke-test.sh: one round of mail through the server.

usage: exchange.py SMTP_PORT IMAP_PORT HTTP_PORT TOKEN
A message to bob over SMTP (beside a refused recipient), a failed and a good IMAP login, the message found
by its subject and read back over IMAP, and bob's mailboxes over the REST API. Fails with an AssertionError
that says which step went wrong.
"""
import base64, imaplib, smtplib, sys, urllib.request

smtp_port, imap_port, http_port, token = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
message = (f"From: alice@remote.test\r\nTo: bob@example.org\r\nSubject: {token}\r\n"
           f"Message-ID: <{token}@remote.test>\r\n\r\nHello from the smoke test, {token}.\r\n").encode()

with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as smtp:
    smtp.ehlo("remote.test")
    code, _ = smtp.mail("alice@remote.test")
    assert code == 250, f"MAIL FROM: {code}"
    code, reply = smtp.rcpt("nobody@example.org")
    assert code == 550, f"RCPT TO an unknown user: {code} {reply!r}"
    code, _ = smtp.rcpt("bob@example.org")
    assert code == 250, f"RCPT TO bob: {code}"
    code, reply = smtp.data(message)
    assert code == 250, f"DATA: {code} {reply!r}"

try:
    imaplib.IMAP4("127.0.0.1", imap_port, timeout=30).login("bob@example.org", "wrong password")
    raise AssertionError("a wrong password logged in")
except imaplib.IMAP4.error:
    pass

imap = imaplib.IMAP4("127.0.0.1", imap_port, timeout=30)
imap.login("bob@example.org", "smoke test secret")
typ, _ = imap.select("INBOX")
assert typ == "OK", "SELECT INBOX"
typ, data = imap.search(None, "SUBJECT", token)
numbers = data[0].split()
assert typ == "OK" and len(numbers) == 1, f"SEARCH SUBJECT {token}: {typ} {data!r}"
typ, data = imap.fetch(numbers[0], "(BODY.PEEK[])")
assert typ == "OK" and f"Hello from the smoke test, {token}.".encode() in data[0][1], f"FETCH: {data!r}"
imap.logout()

auth = base64.b64encode(b"bob@example.org:smoke test secret").decode()
request = urllib.request.Request(f"http://127.0.0.1:{http_port}/api/v1/mailboxes", headers={"Authorization": f"Basic {auth}"})
with urllib.request.urlopen(request, timeout=30) as response:
    assert response.status == 200 and b"INBOX" in response.read(), "GET /api/v1/mailboxes"
print(f"smoke: message {token} delivered and read back over IMAP; REST lists bob's mailboxes")
