#!/usr/bin/python3
"""A small DNS responder on 127.0.0.1 for bench/run-ingest-verify.sh (python3 standard library only).

Answers over UDP from a table given as lines "NAME TYPE VALUE" (TYPE is A or TXT) in --records; a name in the
table without the asked type gets an empty answer, any other name NXDOMAIN, as a recursive resolver would.
TXT values longer than 255 bytes are split into strings (RFC 1035 section 3.3.14). Answers longer than the
client's EDNS buffer (512 without EDNS) are truncated (TC), and the client asks again over TCP, which is
served too.
"""
import argparse
import socket
import socketserver
import struct
import threading

TYPES = {"A": 1, "TXT": 16}


def load(path):
    table = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, rtype, value = line.split(None, 2)
            table.setdefault(name.lower().rstrip("."), []).append((TYPES[rtype.upper()], value))
    return table


def rdata(rtype, value):
    if rtype == 1:
        return socket.inet_aton(value)
    data = value.encode("ascii")
    return b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))


def question(query):
    pos, labels = 12, []
    while query[pos]:
        labels.append(query[pos + 1:pos + 1 + query[pos]].decode("ascii", "replace"))
        pos += 1 + query[pos]
    qtype, _ = struct.unpack("!HH", query[pos + 1:pos + 5])
    return ".".join(labels).lower(), qtype, pos + 5


def answer(table, query, limit):
    qid, flags = struct.unpack("!HH", query[:4])
    name, qtype, end = question(query)
    records = [rdata(t, v) for t, v in table.get(name, []) if t == qtype]
    rcode = 0 if name in table else 3
    body = b"".join(struct.pack("!HHHIH", 0xC00C, qtype, 1, 300, len(r)) + r for r in records)
    head = struct.pack("!HHHHHH", qid, 0x8180 | (flags & 0x0100) | rcode, 1, len(records), 0, 0)
    reply = head + query[12:end] + body
    if limit and len(reply) > limit:
        return struct.pack("!HHHHHH", qid, 0x8380 | rcode, 1, 0, 0, 0) + query[12:end]
    return reply


def edns_limit(query, end):
    # An OPT record in the additional section gives the client's buffer size (RFC 6891 section 6.2.3).
    arcount = struct.unpack("!H", query[10:12])[0]
    if arcount and len(query) >= end + 11 and query[end] == 0 and struct.unpack("!H", query[end + 1:end + 3])[0] == 41:
        return max(512, struct.unpack("!H", query[end + 3:end + 5])[0])
    return 512


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--records", required=True)
    args = parser.parse_args()
    table = load(args.records)

    class Udp(socketserver.BaseRequestHandler):
        def handle(self):
            query, sock = self.request
            _, _, end = question(query)
            sock.sendto(answer(table, query, edns_limit(query, end)), self.client_address)

    class Tcp(socketserver.StreamRequestHandler):
        def handle(self):
            while True:
                size = self.rfile.read(2)
                if len(size) < 2:
                    return
                query = self.rfile.read(struct.unpack("!H", size)[0])
                reply = answer(table, query, 0)
                self.wfile.write(struct.pack("!H", len(reply)) + reply)

    socketserver.ThreadingUDPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    udp = socketserver.ThreadingUDPServer(("127.0.0.1", args.port), Udp)
    tcp = socketserver.ThreadingTCPServer(("127.0.0.1", args.port), Tcp)
    threading.Thread(target=tcp.serve_forever, daemon=True).start()
    print("bench DNS on 127.0.0.1:%d, %d names" % (args.port, len(table)), flush=True)
    udp.serve_forever()


if __name__ == "__main__":
    main()
