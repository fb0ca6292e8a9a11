import { z } from "zod";

/** A plugin rule whose option has no default, so the config must give it. */
export default {
  id: "station-named",
  description: "The case names the station that holds it",
  fields: ["station"],
  options: z.object({ stations: z.array(z.string()).min(1) }).strict(),
  evaluate: (record, options) =>
    options.stations.includes(record.extra.station ?? "")
      ? { rating: "good", findings: [] }
      : { rating: "adequate", findings: [{ code: "unknown-station", message: "station not one of the force's", fields: ["station"] }] },
};
