#pragma once

#include <functional>

namespace xueshi {

// When to try again after a failure that may go away by itself (no network, a 5xx): the delay
// doubles with each failure up to a cap, and each delay is drawn at random from its upper half
// ("equal jitter") so that clients cut off together do not all come back at the same instant.
// The random source is injectable so tests get fixed delays.
class Backoff final
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit Backoff(int initialMs = 2'000, int maxMs = 300'000, Random random = {});

    void setLimits(int initialMs, int maxMs);
    void setRandom(Random random);
    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }

    // Counts one more failure and returns the delay before the next attempt.
    int next();
    // After a success: the next failure starts from the initial delay again.
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_initialMs;
    int m_maxMs;
    Random m_random;
    int m_failures = 0;
};

} // namespace xueshi
