# Keep the trailing slash: it is part of the documented path, and every Plivo SDK sends it.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/60ea68db-b123-46d9-9eb2-1201d516dbbd/"
