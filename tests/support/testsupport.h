#pragma once

#include <QString>

namespace xueshi::test {

// A fresh, empty temporary directory path that lives until the process ends.
QString temporaryDirectory();

} // namespace xueshi::test
