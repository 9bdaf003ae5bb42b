# embed_text(TARGET NAMESPACE FILES...) compiles text files (SQL, migrations) into the
# binary as `std::string_view` constants, so `smedash` is one self-contained file and a
# query is still read and reviewed as a .sql file next to the code that owns it.
function(embed_text target namespace)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embedded)
  set(out_cpp ${out_dir}/${target}_embedded.cpp)
  # A ';' list would be split by the shell running the command; pass it '|'-separated.
  string(REPLACE ";" "|" file_list "${ARGN}")
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DNAMESPACE=${namespace}
            "-DFILES=${file_list}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    COMMENT "Embedding text files for ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cpp})
endfunction()
