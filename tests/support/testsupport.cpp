#include "testsupport.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace xueshi::test {

QString temporaryDirectory()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    dirs.push_back(std::make_unique<QTemporaryDir>());
    return dirs.back()->path();
}

} // namespace xueshi::test
