# Sourced by ./devstack and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already good; otherwise takes the newest JDK found under
# /usr/lib/jvm (Linux) or /Library/Java/JavaVirtualMachines (macOS), or the java on PATH.

vigil_java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

vigil_select_jdk() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(vigil_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(vigil_java_major "$candidate/bin/java")
    if [ "${major:-0}" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    best=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    best_major=$(vigil_java_major "$best/bin/java")
  fi
  if [ "${best_major:-0}" -lt 21 ]; then
    echo "Vigil needs a JDK 21 or newer; set JAVA_HOME to one (found: ${best:-none})." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
