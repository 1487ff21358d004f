#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

class QNetworkAccessManager;

namespace xueshi {

class ClientCore;
class LocalStore;
class SyncEngine;

// What `xueshi --sync` was asked to do.
struct SyncCommand
{
    QString server; // as typed (the login window's rules); empty: the last server used
    QString username; // empty: the last user who logged in here
    // The SHA-256 fingerprint of the server's certificate the user was given ("AB:CD:..." or
    // plain hex, any case). A certificate that does not verify and is not pinned is pinned when
    // it matches, as the login window's dialog does; empty: none is trusted that way.
    QString trustFingerprint;
};

// `xueshi --sync`: one sync without a window, for a computer without a desktop session or a
// scheduled job. Logs in with the password read from `in` (one line, never an argument where
// `ps` shows it; `in` should not echo when it is a terminal), syncs the user's local store as the
// windows do (the outbox first, held submissions after their proofs are sent, then the feed),
// logs out (revoking the token) and writes the outcome in the current language.
//
// Returns 0 synced with nothing left to send; 1 the sync failed, or changes are left waiting or
// were refused (the message says which; the windows show them); 2 not logged in online (usage,
// wrong password, locked account, the server unreachable); 3 the server's certificate is not
// trusted (its fingerprint is written: give it with --trust-certificate after checking it).
class CommandLineSync final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineSync)

public:
    enum ExitCode { Synced = 0, NotSynced = 1, NotLoggedIn = 2, Untrusted = 3 };

    // `core` must have local data enabled; `network` is the one it was made with.
    CommandLineSync(
        ClientCore *core, QNetworkAccessManager *network, QTextStream &out, QTextStream &err);

    int run(const SyncCommand &command, const QString &password);
    // Shows how far the download is on `err`, one line rewritten in place (for a terminal; a
    // first sync of an HR office's cache takes a while). Off by default.
    void setShowProgress(bool show) { m_showProgress = show; }

    // The mutation rules every window registers (local effects, merges, dependencies), so the
    // outbox goes out as it would with the windows open.
    static void registerMutationRules(SyncEngine *engine, const LocalStore *store);
    // Reads one line: the password. On a terminal, asks on `err` and turns echo off meanwhile.
    static QString readPassword(FILE *input, QTextStream &err);
    // Whether `given` names the SHA-256 fingerprint `fingerprint` ("AB:CD:..."): colons and
    // spaces are ignored, so is case.
    static bool fingerprintMatches(const QString &given, const QString &fingerprint);

private:
    int logIn(const SyncCommand &command, const QString &password);
    int syncOnce();
    int finish(int code);

    ClientCore *m_core;
    QNetworkAccessManager *m_network;
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_showProgress = false;
};

} // namespace xueshi
