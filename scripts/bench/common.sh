# Helpers shared by the benchmark scripts (sourced, not run).

# median_ms CMD...: runs CMD ROUNDS times after one warm-up and prints the median wall time in ms.
# The clock is bash's EPOCHREALTIME (microseconds, no process of its own: a `date` started to read
# the clock would add its own start-up, a millisecond or two, to every time).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "${ROUNDS:-9}"); do
    local t0 t1
    t0=${EPOCHREALTIME/[^0-9]/}; "$@" >/dev/null 2>&1 || true; t1=${EPOCHREALTIME/[^0-9]/}
    times+=($(( t1 - t0 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# publish_native DIR: cladmin as it ships (scripts/publish.sh): DIR/cladmin, a native program.
publish_native() {
  scripts/publish.sh "$1"
}

# publish_aot PROJECT DIR: any console project compiled the same way (the hello-world peer).
publish_aot() {
  dotnet publish "$1" -c Release -r linux-x64 -p:PublishAot=true -o "$2" -nologo -clp:ErrorsOnly >/dev/null
}

# publish_r2r PROJECT DIR: a Release, ReadyToRun, framework-dependent build (`dotnet X.dll`), the
# form the dotnet tool package runs in.
publish_r2r() {
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$2" -nologo -clp:ErrorsOnly >/dev/null
}
