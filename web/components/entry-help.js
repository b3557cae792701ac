// What the entry form works out for the user: the kind they logged last, the track an entry of
// this kind and day most likely belongs to, and which goals it will count toward.

const LAST_KIND_KEY = 'hoego.last_kind';

export function rememberKind(type) {
  try {
    localStorage.setItem(LAST_KIND_KEY, type);
  } catch {
    // A browser that refuses storage simply opens on the first kind next time.
  }
}

export function lastKind() {
  try {
    return localStorage.getItem(LAST_KIND_KEY) ?? '';
  } catch {
    return '';
  }
}

// Whether a day ("YYYY-MM-DD") falls within an optional from–until period.
function within(day, from, until) {
  return Boolean(day) && (!from || from <= day) && (!until || day <= until);
}

// The goals an entry of `plugin`/`kind` on `day` in `track` counts toward, as the server counts
// them: same plugin and kind, the goal's track (if it has one) is the entry's, the day inside the
// goal's period, and the goal not finished.
export function countingGoals(goals, { plugin, kind, track, day }) {
  return goals.filter((goal) =>
    goal.plugin === plugin &&
    goal.kind === kind &&
    (!goal.track || goal.track === track) &&
    !goal.finished_on &&
    within(day, goal.starts_on, goal.ends_on));
}

// The open track whose period covers `day` and that has a goal for this kind, or ''.
export function suggestedTrack(tracks, goals, { plugin, kind, day }) {
  const fitting = tracks.filter((track) =>
    !track.closed_at &&
    (!track.plugin || track.plugin === plugin) &&
    within(day, track.starts_on, track.ends_on) &&
    goals.some((goal) => goal.track === track.name && goal.plugin === plugin && goal.kind === kind && !goal.finished_on));
  return fitting[0]?.name ?? '';
}
