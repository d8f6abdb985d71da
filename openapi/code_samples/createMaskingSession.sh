# The body of the first request example, "Two parties, everything else default" (the others set more, or one
# party only).
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"first_party": "917708772011", "second_party": "919976106830"}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Masking/Session/"
