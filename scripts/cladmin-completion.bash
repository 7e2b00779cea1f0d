# bash completion for cladmin: source this file (e.g. from ~/.bashrc).
# Asks cladmin itself through System.CommandLine's [suggest] directive, so fast paths and the
# FIELD= names of a dialog complete from the menus in use.
_cladmin_complete() {
  local IFS=$'\n'
  COMPREPLY=( $(cladmin "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
  [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace
}
complete -F _cladmin_complete cladmin
