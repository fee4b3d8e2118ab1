namespace Dossier.Web.Api;

/// <summary>
/// Positions for the actor graph, computed once per store version on the server so the browser
/// only draws (Cytoscape's preset layout): a force layout of thousands of nodes in the browser
/// took 18 s for 2,000 actors and 10,000 ties. Fruchterman–Reingold, with repulsion only between
/// nodes in neighbouring cells of a grid (nodes further apart than two ideal edge lengths barely
/// push each other), so one step costs O(nodes + edges) instead of O(nodes²).
/// Deterministic: the same graph gives the same positions.
/// </summary>
internal static class GraphLayout
{
    /// <summary>Positions (x, y) of nodes 0..count-1 joined by the given undirected edges, in units of about one edge length (90).</summary>
    public static (float X, float Y)[] Compute(int count, IReadOnlyList<(int A, int B)> edges, int iterations = 300)
    {
        var x = new double[count];
        var y = new double[count];
        if (count == 0)
        {
            return [];
        }

        const double length = 90;
        var side = length * Math.Sqrt(count) * 1.5;

        // Start on a golden-angle spiral, most connected in the middle: a fixed start, and one that
        // puts hubs where their ties pull from every side.
        var degree = new int[count];
        foreach (var (a, b) in edges)
        {
            degree[a]++;
            degree[b]++;
        }

        var order = Enumerable.Range(0, count).OrderByDescending(i => degree[i]).ThenBy(i => i).ToArray();
        for (var rank = 0; rank < count; rank++)
        {
            var r = side / 2 * Math.Sqrt((rank + 0.5) / count);
            var angle = rank * 2.399963229728653;
            x[order[rank]] = r * Math.Cos(angle);
            y[order[rank]] = r * Math.Sin(angle);
        }

        var dx = new double[count];
        var dy = new double[count];
        var cell = 2 * length;
        var buckets = new Dictionary<long, List<int>>();
        var temperature = side / 10;
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            foreach (var list in buckets.Values)
            {
                list.Clear();
            }

            for (var i = 0; i < count; i++)
            {
                var key = Key((long)Math.Floor(x[i] / cell), (long)Math.Floor(y[i] / cell));
                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add(i);
            }

            // Repulsion k²/d between nodes of neighbouring cells.
            for (var i = 0; i < count; i++)
            {
                var cx = (long)Math.Floor(x[i] / cell);
                var cy = (long)Math.Floor(y[i] / cell);
                for (var ox = -1; ox <= 1; ox++)
                {
                    for (var oy = -1; oy <= 1; oy++)
                    {
                        if (!buckets.TryGetValue(Key(cx + ox, cy + oy), out var list))
                        {
                            continue;
                        }

                        foreach (var j in list)
                        {
                            if (j == i)
                            {
                                continue;
                            }

                            var ddx = x[i] - x[j];
                            var ddy = y[i] - y[j];
                            var d2 = (ddx * ddx) + (ddy * ddy);
                            if (d2 < 0.01)
                            {
                                // Two nodes on one spot: part them along a direction fixed by their numbers.
                                ddx = ((i * 31) + j) % 7 - 3 + 0.5;
                                ddy = ((j * 17) + i) % 5 - 2 + 0.5;
                                d2 = (ddx * ddx) + (ddy * ddy);
                            }

                            var force = length * length / d2;
                            dx[i] += ddx * force;
                            dy[i] += ddy * force;
                        }
                    }
                }
            }

            // Attraction d²/k along edges.
            foreach (var (a, b) in edges)
            {
                var ddx = x[a] - x[b];
                var ddy = y[a] - y[b];
                var d = Math.Sqrt((ddx * ddx) + (ddy * ddy));
                if (d < 1e-9)
                {
                    continue;
                }

                var force = d / length;
                dx[a] -= ddx * force;
                dy[a] -= ddy * force;
                dx[b] += ddx * force;
                dy[b] += ddy * force;
            }

            // A weak pull to the middle keeps unconnected parts from drifting off.
            for (var i = 0; i < count; i++)
            {
                dx[i] -= x[i] * 0.02;
                dy[i] -= y[i] * 0.02;
                var move = Math.Sqrt((dx[i] * dx[i]) + (dy[i] * dy[i]));
                if (move > 1e-9)
                {
                    var limited = Math.Min(move, temperature);
                    x[i] += dx[i] / move * limited;
                    y[i] += dy[i] / move * limited;
                }
            }

            temperature = Math.Max(length / 20, temperature * 0.985);
        }

        var positions = new (float, float)[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = ((float)Math.Round(x[i], 1), (float)Math.Round(y[i], 1));
        }

        return positions;
    }

    private static long Key(long cx, long cy) => (cx << 32) ^ (cy & 0xffffffffL);
}
