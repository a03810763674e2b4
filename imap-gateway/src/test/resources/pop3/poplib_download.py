"""Downloads and deletes a whole maildrop with Python's poplib, printing what it saw.

Usage: poplib_download.py HOST PORT MODE USER PASSWORD CAFILE, MODE one of ssl (POP3S), stls, plain.
Prints one line per message: "<number> <listed size> <octets received> <uidl> <subject>", then "QUIT <reply>".
"""
import poplib
import ssl
import sys

host, port, mode, user, password, cafile = sys.argv[1:7]
context = ssl.create_default_context(cafile=cafile)
if mode == "ssl":
    pop = poplib.POP3_SSL(host, int(port), context=context, timeout=20)
else:
    pop = poplib.POP3(host, int(port), timeout=20)
    if mode == "stls":
        if "STLS" not in pop.capa():
            sys.exit("no STLS in CAPA")
        pop.stls(context=context)
capabilities = pop.capa()
for needed in ("TOP", "UIDL", "USER", "RESP-CODES", "PIPELINING"):
    if needed not in capabilities:
        sys.exit("CAPA lacks " + needed)
pop.user(user)
pop.pass_(password)
count, _ = pop.stat()
uidls = {int(n): u for n, u in (line.decode().split() for line in pop.uidl()[1])}
sizes = {int(n): int(s) for n, s in (line.decode().split() for line in pop.list()[1])}
for number in range(1, count + 1):
    _, lines, octets = pop.retr(number)
    # RFC 1939 §11: the listed size is the CRLF octet count; poplib counts each line plus CRLF (after unstuffing)
    received = sum(len(line) + 2 for line in lines)
    subject = next((line.decode()[9:] for line in lines if line.startswith(b"Subject: ")), "")
    print(number, sizes[number], received, uidls[number], subject)
    pop.dele(number)
print("QUIT", pop.quit().decode())
