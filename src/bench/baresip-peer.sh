# Sourced by the benches that call or are called by baresip. baresip_conf DIR NAME SIP-PORT ACCOUNT-LINE
# writes DIR/NAME/{config,accounts}: a headless baresip on 127.0.0.1 (../shared/PEERS.md) whose
# microphone is a 440 Hz sine (ausine, 48 kHz stereo) and whose speaker is aubridge, with G.711 and G.722.
baresip_conf() {
    mkdir -p "$1/$2"
    cat > "$1/$2/config" <<CONF
module_path /usr/lib/baresip/modules
sip_listen 127.0.0.1:$3
sip_transports udp
net_interface 127.0.0.1
rtp_ports 30000-30100
audio_source ausine,440
audio_player aubridge,$2
audio_alert aubridge,$2
ausrc_srate 48000
ausrc_channels 2
auplay_srate 48000
auplay_channels 1
module ausine.so
module aubridge.so
module g711.so
module g722.so
module_app account.so
module_app menu.so
CONF
    echo "$4" > "$1/$2/accounts"
}
