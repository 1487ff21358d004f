#!/usr/bin/python3
"""A loopback SMTP server for the mail tests (Debian's python3-aiosmtpd).

Offers STARTTLS with the given certificate and requires it before anything else
(require_starttls); with --user/--password-file it requires AUTH too. Each message
accepted is written to DIR as NNNN.json: the envelope, whether it came over TLS, the
authenticated user, the decoded subject and text. With --refuse CODE it answers every
RCPT TO with that code instead (451: try later; 550: refused for good). With --delay-ms N it
takes N ms over each message before accepting it (a slow mail server: senders overlap).
Prints "ready PORT" on standard output once it listens; stops on SIGTERM or stdin EOF.
"""
import argparse
import asyncio
import email
import email.header
import email.policy
import json
import logging
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory, refuse, delay):
        self.directory = directory
        self.refuse = refuse
        self.delay = delay
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "%d refused by the test sink" % self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "user": (session.auth_data.login.decode()
                     if session.authenticated and isinstance(session.auth_data, LoginPassword)
                     else None),
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "messageId": str(message["message-id"]),
            "text": body.get_content() if body is not None else "",
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, "%04d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".tmp", name)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password-file")
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--delay-ms", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    # aiosmtpd warns about its own use of a deprecated attribute on every login.
    logging.getLogger("mail.log").setLevel(logging.ERROR)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    kwargs = {}
    if args.user:
        with open(args.password_file, "rb") as f:
            password = f.read().rstrip(b"\n")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == args.user.encode()
                  and auth_data.password == password)
            return AuthResult(success=ok, auth_data=auth_data if ok else None)

        kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    sink = Sink(args.dir, args.refuse, args.delay_ms / 1000.0)
    controller = Controller(sink, hostname="127.0.0.1", port=args.port,
                            tls_context=context, require_starttls=True, **kwargs)
    # Controller's self-check connects in clear text, which require_starttls answers with an
    # error it ignores.
    controller.start()
    print("ready %d" % args.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
