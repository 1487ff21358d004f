# xueshi_add_test(NAME name SOURCES ... [LIBS ...] [ENV ...] [LABELS ...] [TIMEOUT s])
# Builds one Qt Test executable, links the shared test support library and registers it with
# CTest under the offscreen platform and test-mode standard paths.
function(xueshi_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;ENV;LABELS;FIXTURES;ARGS" ${ARGN})
    qt_add_executable(tst_${T_NAME} ${T_SOURCES})
    target_link_libraries(tst_${T_NAME} PRIVATE xueshi_settings xueshi_testsupport Qt6::Test ${T_LIBS})
    set_target_properties(tst_${T_NAME} PROPERTIES WIN32_EXECUTABLE OFF)
    add_test(NAME ${T_NAME} COMMAND tst_${T_NAME} ${T_ARGS})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;${T_ENV}")
    if(T_FIXTURES)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
    endif()
endfunction()
