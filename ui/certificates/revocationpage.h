#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace xueshi {

class ClientCore;

// The administrator's 证书管理: looks a certificate up by its serial number (its versions and
// whether each is current, superseded or revoked, nothing personal) and revokes the current
// version with a reason of 1 to 200 characters. Online only: the server decides.
class RevocationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationPage)

public:
    explicit RevocationPage(ClientCore *core, QWidget *parent = nullptr);

public slots:
    void lookUp();
    void revoke();

signals:
    // A lookup or a revocation came back (for tests).
    void answered(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showCertificate(const QJsonObject &certificate);
    void updateActions();

    ClientCore *m_core;
    QJsonObject m_certificate;
    bool m_busy = false;
    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    QLabel *m_serialCaption;
    QLineEdit *m_serialEdit;
    QPushButton *m_lookUpButton;
    QTableWidget *m_versions;
    QLabel *m_reasonCaption;
    QPlainTextEdit *m_reasonEdit;
    QPushButton *m_revokeButton;
    QLabel *m_message;
};

} // namespace xueshi
