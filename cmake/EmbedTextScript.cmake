# Writes OUT: a table {file name, contents} of FILES in namespace NAMESPACE, read by
# core/embedded_text.hpp's EmbeddedFile type.
set(body "#include \"core/embedded_text.hpp\"\nnamespace ${NAMESPACE} {\nconst std::vector<smedash::core::EmbeddedFile>& EmbeddedFiles() {\n  static const std::vector<smedash::core::EmbeddedFile> files = {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME)
  file(READ ${file} content)
  set(body "${body}    {\"${name}\", R\"__embed__(${content})__embed__\"},\n")
endforeach()
set(body "${body}  };\n  return files;\n}\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT} "${body}")
