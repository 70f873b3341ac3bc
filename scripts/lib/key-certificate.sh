# Sourced by the scripts that run the site outside Development. Makes a throwaway key-encryption
# certificate (a PFX with no password) for the Data Protection key ring in folder $1, prints its
# path. A new one each run: the databases these scripts make are thrown away with it.
make_key_certificate() {
  local folder=$1
  mkdir -p "$folder"
  openssl req -x509 -newkey rsa:3072 -nodes -days 30 -subj "/CN=paulmassage-throwaway-key-encryption" \
    -keyout "$folder/dp.key" -out "$folder/dp.crt" >/dev/null 2>&1
  openssl pkcs12 -export -inkey "$folder/dp.key" -in "$folder/dp.crt" -out "$folder/dp.pfx" -passout pass: >/dev/null 2>&1
  rm -f "$folder/dp.key"
  chmod 600 "$folder/dp.pfx"
  echo "$folder/dp.pfx"
}
