# Turns the files of the web view into a C++ source file, so that one binary serves them from
# any working directory. Run in script mode:
#   cmake -DSOURCE_DIR=web -DOUTPUT=web_assets.cpp -P embed_files.cmake
# Three things are done here, once, rather than by the server at every start:
# - index.html names every module its scripts import, directly or not, as a
#   <link rel="modulepreload">: without the list the browser finds the imports one level at a
#   time, a round trip each (seven in a row for the dashboard);
# - index.html refers to the other files under /v-VERSION/, VERSION a digest of all of them, where
#   the server lets browsers keep them without asking again: only index.html is revalidated on
#   each visit, and a new binary's index names new addresses. Modules import each other by
#   relative paths, which stay under the same prefix;
# - each file's SHA-256, from which the server makes its ETag.
cmake_minimum_required(VERSION 3.25)  # script mode sets no policies: IN_LIST, cmake_path

file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*)
list(SORT files)

# The modules `entries` import, with them, in the order found (nearest first). Only static
# imports of relative paths are followed: the web view has no other kind.
function(imported_modules entries out)
  set(found "")
  set(queue ${entries})
  while(queue)
    list(POP_FRONT queue module)
    if(module IN_LIST found)
      continue()
    endif()
    if(NOT EXISTS ${SOURCE_DIR}/${module})
      message(FATAL_ERROR "embed_files: ${module}, imported by the web view, does not exist")
    endif()
    list(APPEND found ${module})
    file(READ ${SOURCE_DIR}/${module} text)
    string(REGEX MATCHALL "(import|from)[ \t\r\n]*['\"]\\.\\.?/[^'\"]+['\"]" specifiers "${text}")
    cmake_path(GET module PARENT_PATH folder)
    foreach(specifier IN LISTS specifiers)
      string(REGEX REPLACE ".*['\"](\\.\\.?/[^'\"]+)['\"]$" "\\1" relative "${specifier}")
      cmake_path(APPEND folder ${relative} OUTPUT_VARIABLE imported)
      cmake_path(NORMAL_PATH imported)
      list(APPEND queue ${imported})
    endforeach()
  endwhile()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# index.html with a modulepreload link for every module its module scripts need, placed before
# the first of those scripts, and every file it names under /v-VERSION/.
function(index_with_preloads out_file version)
  file(READ ${SOURCE_DIR}/index.html html)
  string(REGEX MATCHALL "<script type=\"module\" src=\"/[^\"]+\"" scripts "${html}")
  set(entries "")
  foreach(script IN LISTS scripts)
    string(REGEX REPLACE ".*src=\"/([^\"]+)\"" "\\1" entry "${script}")
    list(APPEND entries ${entry})
  endforeach()
  if(NOT entries)
    message(FATAL_ERROR "embed_files: index.html has no <script type=\"module\" src=\"/…\">")
  endif()
  imported_modules("${entries}" modules)
  set(links "")
  foreach(module IN LISTS modules)
    if(NOT module IN_LIST entries)
      string(APPEND links "<link rel=\"modulepreload\" href=\"/${module}\">\n  ")
    endif()
  endforeach()
  string(FIND "${html}" "<script type=\"module\"" first_script)
  string(SUBSTRING "${html}" 0 ${first_script} before)
  string(SUBSTRING "${html}" ${first_script} -1 after)
  set(html "${before}${links}${after}")
  foreach(file IN LISTS files)
    string(REPLACE "\"/${file}\"" "\"/v-${version}/${file}\"" html "${html}")
  endforeach()
  file(WRITE ${out_file} "${html}")
endfunction()

# The version of the web view: a digest of every file as web/ holds it.
set(digests "")
foreach(file IN LISTS files)
  file(SHA256 ${SOURCE_DIR}/${file} sha256)
  string(APPEND digests "${file} ${sha256}\n")
endforeach()
string(SHA256 version "${digests}")
string(SUBSTRING "${version}" 0 16 version)

set(content "// Generated from ${SOURCE_DIR} by cmake/embed_files.cmake. Do not edit.\n")
string(APPEND content "#include \"web_assets.h\"\n\nnamespace hoego {\nnamespace {\n")
set(table "")
set(index 0)
foreach(file IN LISTS files)
  set(source ${SOURCE_DIR}/${file})
  if(file STREQUAL "index.html")
    set(source ${OUTPUT}.index.html)
    index_with_preloads(${source} ${version})
  endif()
  file(READ ${source} hex HEX)
  file(SHA256 ${source} sha256)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND content "const unsigned char kAsset${index}[] = {${bytes}0x00};\n")
  string(APPEND table
         "    {\"/${file}\", reinterpret_cast<const char*>(kAsset${index}), ${size}, \"${sha256}\"},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND content "}  // namespace\n\nconst char* web_assets_version() { return \"${version}\"; }\n\n")
string(APPEND content "const std::vector<WebAsset>& web_assets() {\n")
string(APPEND content "  static const std::vector<WebAsset> assets = {\n${table}  };\n  return assets;\n}\n\n}  // namespace hoego\n")
file(WRITE ${OUTPUT}.tmp "${content}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
