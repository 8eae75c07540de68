# Shared by the bench scripts (source it): signing in the way a browser does, and reading
# wrk's numbers. Bash only; expects curl and wrk.

# Signs in as USER (password demo) at BASE with a fresh cookie jar and prints the Cookie
# header's value (every cookie the sign-in set: the session cookie's name differs between
# profiles). Fails when the list page does not render signed in.
#   cookie="$(bench_sign_in http://127.0.0.1:18080 dana@acme.test)"
bench_sign_in() {
	local base="$1" user="${2:-dana@acme.test}" jar token header
	jar="$(mktemp)"
	token="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
	curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$user" \
		--data-urlencode "password=demo" --data-urlencode "_csrf=$token" "$base/login"
	# Comment lines start with "#", but HttpOnly cookies' lines with "#HttpOnly_".
	header="$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
	rm -f "$jar"
	# The first signed-in page of a just-started instance can be slow (a cold JIT, a busy
	# machine): a few tries before giving up.
	for _ in 1 2 3 4 5; do
		if curl -s --max-time 30 -H "Cookie: $header" "$base/invoices" | grep -q 'data-testid="current-user"'; then
			printf '%s' "$header"
			return 0
		fi
		sleep 2
	done
	echo "sign-in as $user at $base failed: $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $header" "$base/invoices")" >&2
	return 1
}

# Starts `java OPTS -jar JAR ARGS...` in DIR (logs to DIR/app.log), prints its pid, and waits
# until BASE/login answers.
#   pid="$(bench_start_jar DIR http://127.0.0.1:18080 "-Xmx384m" app.jar --server.port=18080)"
bench_start_jar() {
	local dir="$1" base="$2" opts="$3" jar="$4" pid
	shift 4
	# shellcheck disable=SC2086 # the options are words on purpose
	(cd "$dir" && exec java $opts -jar "$jar" "$@" >"$dir/app.log" 2>&1) &
	pid=$!
	for _ in $(seq 1 480); do
		curl -fs -o /dev/null "$base/login" && { echo "$pid"; return 0; }
		kill -0 "$pid" 2>/dev/null || { cat "$dir/app.log" >&2; return 1; }
		sleep 0.5
	done
	echo "the app at $base did not start" >&2
	return 1
}

# wrk prints latencies as 812.00us / 5.31ms / 1.20s: everything in ms.
bench_to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
		printf "%.2f", n }'
}

# Runs wrk with the given arguments (--latency is added) and prints "req/s p50_ms p99_ms
# non2xx" on one line.
bench_wrk() {
	local out
	out="$(wrk --latency "$@")"
	printf '%s %s %s %s\n' "$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")" \
		"$(bench_to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" \
		"$(bench_to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
		"$(awk '/Non-2xx/ { print $5 }' <<<"$out" | grep . || echo 0)"
}
