#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace xueshi {

Backoff::Backoff(int initialMs, int maxMs, Random random)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
    , m_random(std::move(random))
{ }

void Backoff::setLimits(int initialMs, int maxMs)
{
    m_initialMs = std::max(1, initialMs);
    m_maxMs = std::max(m_initialMs, maxMs);
}

void Backoff::setRandom(Random random)
{
    m_random = std::move(random);
}

int Backoff::next()
{
    const int exponent = std::min(m_failures, 30);
    ++m_failures;
    const double ceiling = std::min(double(m_maxMs), double(m_initialMs) * double(1LL << exponent));
    double r = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    r = std::clamp(r, 0.0, 1.0);
    return std::max(1, int(ceiling / 2 + r * ceiling / 2));
}

} // namespace xueshi
