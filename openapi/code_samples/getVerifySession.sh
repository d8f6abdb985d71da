# Keep the trailing slash: it is part of the documented path, and every Plivo SDK sends it.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/c28b77d4-21e7-43bd-9447-04bfee92e651/"
