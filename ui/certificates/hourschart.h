#pragma once

#include "annualcertification.h"

#include <QWidget>

namespace xueshi {

// The year's hours by subject type as bars against the policy's minimums (R8): confirmed hours
// in colour (green once a type's minimum is met), pending hours stacked after them in a light
// tint, and a mark at each minimum. Painted, so it needs no chart library and prints the same.
class HoursChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HoursChart)

public:
    explicit HoursChart(QWidget *parent = nullptr);

    void setJudgement(const YearJudgement &judgement);
    const YearJudgement &judgement() const { return m_judgement; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    YearJudgement m_judgement;
};

} // namespace xueshi
