#include "servermain.h"

int main(int argc, char *argv[])
{
    return xueshi::server::serverMain(argc, argv);
}
