# SPDX-License-Identifier: MIT
# Runs lupdate on scratch copies of the committed .ts files, as the update_translations target
# would, then checks the result: no message without a translation, and nothing changed (a
# string dropped from the sources, or an entry edited by hand into a shape lupdate rewrites).
#   cmake -DLIST_FILE=… -DLUPDATE=… -DUI_TESTS=… -DINCLUDE_DIR=… -DSCRATCH=… -P check_translations.cmake
include(${LIST_FILE})
set(fix "To fix: run `cmake --build <build dir> --target update_translations`, translate the new \
entries in translations/*.ts (Qt Linguist or an editor) and commit the .ts files.")

file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
foreach(ts ${TS_FILES})
    get_filename_component(name ${ts} NAME)
    file(COPY_FILE ${ts} ${SCRATCH}/${name})
    set(options ${LUPDATE_OPTIONS})
    if(name MATCHES "_en\\.ts$")
        list(APPEND options -pluralonly)  # English: plural forms only
    endif()
    execute_process(COMMAND ${LUPDATE} -silent ${options} -I ${INCLUDE_DIR} ${TR_SOURCES}
                            -ts ${SCRATCH}/${name}
                    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${out}")
    endif()
endforeach()

# Untranslated messages, named one by one.
execute_process(COMMAND ${CMAKE_COMMAND} -E env SHARDSCOPE_TS_DIR=${SCRATCH}
                        ${UI_TESTS} TranslationFilesTest
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "The sources have messages the .ts files do not translate:\n${out}\n${fix}")
endif()

set(stale "")
foreach(ts ${TS_FILES})
    get_filename_component(name ${ts} NAME)
    file(READ ${ts} committed)
    file(READ ${SCRATCH}/${name} refreshed)
    if(NOT committed STREQUAL refreshed)
        list(APPEND stale ${name})
    endif()
endforeach()
if(stale)
    message(FATAL_ERROR "Stale: ${stale} differ from what lupdate makes of the sources (compare "
        "them with ${SCRATCH}). ${fix}")
endif()
message(STATUS "translations up to date: ${TS_FILES}")
