// The few things only the browser can do: remember the language, find the position, beep.
window.o2o = {
  setLang(code) {
    document.cookie = `o2o.lang=${code}; path=/; max-age=31536000; samesite=lax`;
    location.reload();
  },
  locate() {
    return new Promise(resolve => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(
        p => resolve([p.coords.latitude, p.coords.longitude]), () => resolve(null), { timeout: 8000 });
    });
  },
  beep() {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      const osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.connect(gain); gain.connect(ctx.destination);
      osc.frequency.value = 880; gain.gain.value = 0.2;
      osc.start(); osc.stop(ctx.currentTime + 0.4);
    } catch { /* no audio device: the visual alert remains */ }
  }
};
