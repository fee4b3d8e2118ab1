namespace Dossier.Web.Api;

/// <summary>
/// Positions for the actor graph, computed once per store version on the server so the browser
/// only draws (Cytoscape's preset layout): a force layout of thousands of nodes in the browser
/// took 18 s for 2,000 actors and 10,000 ties. Fruchterman–Reingold, with the repulsion of far
/// nodes taken from a Barnes–Hut quadtree (a far square of nodes pushes as one node at its centre
/// of mass), so one step costs O(n log n + edges) instead of O(n²). Cutting repulsion off at some
/// distance instead (a grid of cells) lets the ties of a random graph pull it into a ball.
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
        var temperature = side / 10;
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);

            // Repulsion k²/d from every other node, far ones by the square they are in.
            var tree = Quad.Build(x, y);
            for (var i = 0; i < count; i++)
            {
                tree.Push(i, x, y, length * length, ref dx[i], ref dy[i]);
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
                dx[i] -= x[i] * 0.01;
                dy[i] -= y[i] * 0.01;
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

    /// <summary>A square of the plane with the number of nodes in it and their centre, split in four while it holds more than one.</summary>
    private sealed class Quad
    {
        private const double Theta = 0.9;
        private readonly double left;
        private readonly double top;
        private readonly double size;
        private Quad[]? children;
        private int body = -1;
        private double mass;
        private double sumX;
        private double sumY;

        private Quad(double left, double top, double size)
        {
            this.left = left;
            this.top = top;
            this.size = size;
        }

        public static Quad Build(double[] x, double[] y)
        {
            double minX = x.Min(), minY = y.Min();
            var size = Math.Max(x.Max() - minX, y.Max() - minY) + 1;
            var root = new Quad(minX, minY, size);
            for (var i = 0; i < x.Length; i++)
            {
                root.Insert(i, x, y, 0);
            }

            return root;
        }

        private void Insert(int i, double[] x, double[] y, int depth)
        {
            if (mass == 0)
            {
                body = i;
                mass = 1;
                sumX = x[i];
                sumY = y[i];
                return;
            }

            // Nodes on (nearly) one spot share a square rather than splitting it forever.
            if (children is null && depth < 40)
            {
                children = new Quad[4];
                var half = size / 2;
                for (var q = 0; q < 4; q++)
                {
                    children[q] = new Quad(left + (q % 2 * half), top + (q / 2 * half), half);
                }

                if (body >= 0)
                {
                    Child(body, x, y).Insert(body, x, y, depth + 1);
                    body = -1;
                }
            }

            mass++;
            sumX += x[i];
            sumY += y[i];
            if (children is not null)
            {
                Child(i, x, y).Insert(i, x, y, depth + 1);
            }
        }

        private Quad Child(int i, double[] x, double[] y)
        {
            var half = size / 2;
            return children![(x[i] >= left + half ? 1 : 0) + (y[i] >= top + half ? 2 : 0)];
        }

        public void Push(int i, double[] x, double[] y, double k2, ref double fx, ref double fy)
        {
            if (mass == 0 || body == i)
            {
                return;
            }

            var cx = sumX / mass;
            var cy = sumY / mass;
            var ddx = x[i] - cx;
            var ddy = y[i] - cy;
            var d2 = (ddx * ddx) + (ddy * ddy);
            if (children is null || size * size < Theta * Theta * d2)
            {
                var self = children is null && body < 0 && x[i] >= left && x[i] < left + size && y[i] >= top && y[i] < top + size ? 1 : 0;
                var others = mass - self;
                if (others <= 0)
                {
                    return;
                }

                if (d2 < 0.01)
                {
                    // On one spot: part them along a direction fixed by the node's number.
                    ddx = (i % 7) - 3 + 0.5;
                    ddy = (i % 5) - 2 + 0.5;
                    d2 = (ddx * ddx) + (ddy * ddy);
                }

                var force = k2 * others / d2;
                fx += ddx * force;
                fy += ddy * force;
                return;
            }

            foreach (var child in children)
            {
                child.Push(i, x, y, k2, ref fx, ref fy);
            }
        }
    }
}
