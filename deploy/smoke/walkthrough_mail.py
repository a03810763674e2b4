#!/usr/bin/env python3
"""Part of deploy/smoke/admin-walkthrough.sh: the mail client of the walkthrough.

usage: walkthrough_mail.py send SUBMISSION_PORT ADDRESS PASSWORD MESSAGE_ID
       walkthrough_mail.py find IMAP_PORT ADDRESS PASSWORD FOLDER TEXT [--flag FLAG] [--without BYTES]
send: a message from ADDRESS to itself over SMTP submission, STARTTLS then AUTH (RFC 6409, RFC 4954), the
self-signed certificate of a fresh server accepted. find: over IMAP with STARTTLS, LOGIN, SELECT FOLDER and
exactly one message whose text holds TEXT, whose body is then fetched and checked: it holds TEXT, has the
flag FLAG and does not hold BYTES, when given.
An AssertionError says which step went wrong; every socket has a timeout.
"""
import imaplib, smtplib, ssl, sys

TIMEOUT = 30


def unverified():
    # A fresh server has only its generated self-signed certificate: the walkthrough is on loopback.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def send(port, address, password, message_id):
    token = message_id.strip("<>").split("@")[0]
    message = (f"From: {address}\r\nTo: {address}\r\nSubject: walkthrough {token}\r\n"
               f"Message-ID: {message_id}\r\n\r\nHello from the admin walkthrough, {token}.\r\n").encode()
    with smtplib.SMTP("127.0.0.1", port, timeout=TIMEOUT) as smtp:
        smtp.ehlo("client.test")
        smtp.starttls(context=unverified())
        smtp.ehlo("client.test")
        smtp.login(address, password)
        refused = smtp.sendmail(address, [address], message)
        assert not refused, f"recipients refused: {refused!r}"
    print(f"walkthrough: sent {message_id} to {address} over submission")


def find(port, address, password, folder, text, flag=None, without=None):
    imap = imaplib.IMAP4("127.0.0.1", port, timeout=TIMEOUT)
    try:
        imap.starttls(ssl_context=unverified())
        imap.login(address, password)
        typ, data = imap.select(f'"{folder}"', readonly=True)
        assert typ == "OK", f"SELECT {folder}: {typ} {data!r}"
        typ, data = imap.search(None, "TEXT", f'"{text}"')
        numbers = data[0].split() if typ == "OK" else []
        assert len(numbers) == 1, f"SEARCH TEXT {text!r} in {folder}: {typ} {data!r}"
        typ, data = imap.fetch(numbers[0], "(FLAGS BODY.PEEK[])")
        assert typ == "OK", f"FETCH in {folder}: {typ} {data!r}"
        flags, body = data[0][0].decode(), data[0][1]
        assert text.encode() in body, f"the body of the message in {folder} lacks {text!r}: {body!r}"
        if without:
            assert without.encode() not in body, f"the message in {folder} holds {without!r}: {body!r}"
        if flag:
            assert flag in flags, f"the message in {folder} lacks the flag {flag}: {flags}"
        imap.logout()
    finally:
        try:
            imap.shutdown()
        except OSError:
            pass
    print(f"walkthrough: found {text!r} in {folder} over IMAP")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "send":
        send(int(args[0]), *args[1:4])
    elif command == "find":
        options = dict(zip(args[5::2], args[6::2]))
        find(int(args[0]), *args[1:5], flag=options.get("--flag"), without=options.get("--without"))
    else:
        sys.exit(__doc__)
