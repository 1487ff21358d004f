#include <QTest>
class TestValidators : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
