namespace O2o.Routing;

/// <summary>
/// One vehicle's route with the depot at both ends (position 0 and <see cref="Count"/> + 1) and cached times: the
/// service start at every position going forward and the latest start that keeps the rest of the route on time going
/// backward. With them an insertion is checked without walking the whole route.
/// </summary>
internal sealed class AlnsRoute
{
    private readonly AlnsProblem _problem;
    public readonly int[] Nodes;
    public readonly double[] Start;
    public readonly double[] Latest;
    /// <summary>Load on board after serving each position.</summary>
    public readonly int[] Load;
    public int Count;
    public double Distance;
    public int MaxLoad;

    public AlnsRoute(AlnsProblem problem)
    {
        _problem = problem;
        var size = problem.NodeCount + 2;
        Nodes = new int[size];
        Start = new double[size];
        Latest = new double[size];
        Load = new int[size];
        Refresh();
    }

    public void CopyFrom(AlnsRoute other)
    {
        var size = other.Count + 2;
        Array.Copy(other.Nodes, Nodes, size);
        Array.Copy(other.Start, Start, size);
        Array.Copy(other.Latest, Latest, size);
        Array.Copy(other.Load, Load, size);
        Count = other.Count;
        Distance = other.Distance;
        MaxLoad = other.MaxLoad;
    }

    public void Clear()
    {
        Count = 0;
        Refresh();
    }

    public void Refresh()
    {
        var p = _problem;
        var n = p.NodeCount;
        var d = p.Distance;
        var last = Count + 1;
        Nodes[0] = 0;
        Nodes[last] = 0;
        Start[0] = p.Ready[0];
        Load[0] = 0;
        double distance = 0;
        var maxLoad = 0;
        for (var k = 1; k <= last; k++)
        {
            int a = Nodes[k - 1], b = Nodes[k];
            var arc = d[a * n + b];
            distance += arc;
            var t = Start[k - 1] + p.Service[a] + arc;
            Start[k] = t > p.Ready[b] ? t : p.Ready[b];
            Load[k] = Load[k - 1] + p.Demand[b];
            if (Load[k] > maxLoad) maxLoad = Load[k];
        }
        Latest[last] = p.Due[0];
        for (var k = last - 1; k >= 0; k--)
        {
            int a = Nodes[k], b = Nodes[k + 1];
            var t = Latest[k + 1] - d[a * n + b] - p.Service[a];
            Latest[k] = t < p.Due[a] ? t : p.Due[a];
        }
        Distance = distance;
        MaxLoad = maxLoad;
    }

    /// <summary>Puts <paramref name="node"/> at <paramref name="position"/>; call <see cref="Refresh"/> after.</summary>
    public void InsertAt(int position, int node)
    {
        Array.Copy(Nodes, position, Nodes, position + 1, Count + 2 - position);
        Nodes[position] = node;
        Count++;
    }

    /// <summary>Takes <paramref name="node"/> out; call <see cref="Refresh"/> after.</summary>
    public void RemoveNode(int node)
    {
        for (var k = 1; k <= Count; k++)
        {
            if (Nodes[k] != node) continue;
            Array.Copy(Nodes, k + 1, Nodes, k, Count + 1 - k);
            Count--;
            return;
        }
        throw new InvalidOperationException($"node {node} is not on this route");
    }

    /// <summary>
    /// The cheapest feasible way to add a request: its first node goes after position <paramref name="afterFirst"/>, its
    /// second (if any) after position <paramref name="afterSecond"/> of the route as it is now. Infinity when none fits.
    /// </summary>
    public double BestInsertion(int first, int second, out int afterFirst, out int afterSecond) => second == 0
        ? BestSingleInsertion(first, out afterFirst, out afterSecond)
        : BestPairInsertion(first, second, out afterFirst, out afterSecond);

    private double BestSingleInsertion(int u, out int afterFirst, out int afterSecond)
    {
        var p = _problem;
        afterFirst = afterSecond = -1;
        var best = double.PositiveInfinity;
        if (MaxLoad + p.Demand[u] > p.Capacity) return best;
        var n = p.NodeCount;
        var d = p.Distance;
        double readyU = p.Ready[u], dueU = p.Due[u] + AlnsProblem.Epsilon, serviceU = p.Service[u];
        var rowU = u * n;
        for (var a = 0; a <= Count; a++)
        {
            int prev = Nodes[a], next = Nodes[a + 1];
            var t = Start[a] + p.Service[prev] + d[prev * n + u];
            if (t < readyU) t = readyU;
            // Service starts only get later along a route, so no later position can reach u in time either.
            if (t > dueU) break;
            var cost = d[prev * n + u] + d[rowU + next] - d[prev * n + next];
            if (cost >= best) continue;
            var tn = t + serviceU + d[rowU + next];
            if (tn < p.Ready[next]) tn = p.Ready[next];
            if (tn > Latest[a + 1] + AlnsProblem.Epsilon) continue;
            best = cost;
            afterFirst = a;
        }
        return best;
    }

    private double BestPairInsertion(int pickup, int delivery, out int afterFirst, out int afterSecond)
    {
        var p = _problem;
        afterFirst = afterSecond = -1;
        var best = double.PositiveInfinity;
        var n = p.NodeCount;
        var d = p.Distance;
        var q = p.Demand[pickup];
        var capacity = p.Capacity;
        double readyP = p.Ready[pickup], dueP = p.Due[pickup] + AlnsProblem.Epsilon, serviceP = p.Service[pickup];
        double readyD = p.Ready[delivery], dueD = p.Due[delivery] + AlnsProblem.Epsilon, serviceD = p.Service[delivery];
        int rowP = pickup * n, rowD = delivery * n;
        var pickupToDelivery = d[rowP + delivery];
        for (var i = 0; i <= Count; i++)
        {
            if (Load[i] + q > capacity) continue;
            int prev = Nodes[i], next = Nodes[i + 1];
            var tp = Start[i] + p.Service[prev] + d[prev * n + pickup];
            if (tp < readyP) tp = readyP;
            if (tp > dueP) break;

            // Delivery right after the pickup.
            var td = tp + serviceP + pickupToDelivery;
            if (td < readyD) td = readyD;
            if (td <= dueD)
            {
                var cost = d[prev * n + pickup] + pickupToDelivery + d[rowD + next] - d[prev * n + next];
                if (cost < best)
                {
                    var tn = td + serviceD + d[rowD + next];
                    if (tn < p.Ready[next]) tn = p.Ready[next];
                    if (tn <= Latest[i + 1] + AlnsProblem.Epsilon)
                    {
                        best = cost;
                        afterFirst = afterSecond = i;
                    }
                }
            }
            if (next == 0) continue;

            // Delivery further on: the pickup pushes later nodes, so walk them with their new start times.
            var pickupCost = d[prev * n + pickup] + d[rowP + next] - d[prev * n + next];
            if (pickupCost >= best) continue;
            var t = tp + serviceP + d[rowP + next];
            if (t < p.Ready[next]) t = p.Ready[next];
            if (t > Latest[i + 1] + AlnsProblem.Epsilon) continue;
            for (var j = i + 1; j <= Count; j++)
            {
                if (Load[j] + q > capacity) break;
                int at = Nodes[j], after = Nodes[j + 1];
                var leave = t + p.Service[at];
                td = leave + d[at * n + delivery];
                if (td < readyD) td = readyD;
                if (td > dueD) break;
                var cost = pickupCost + d[at * n + delivery] + d[rowD + after] - d[at * n + after];
                if (cost < best)
                {
                    var tn = td + serviceD + d[rowD + after];
                    if (tn < p.Ready[after]) tn = p.Ready[after];
                    if (tn <= Latest[j + 1] + AlnsProblem.Epsilon)
                    {
                        best = cost;
                        afterFirst = i;
                        afterSecond = j;
                    }
                }
                if (after == 0) break;
                t = leave + d[at * n + after];
                if (t < p.Ready[after]) t = p.Ready[after];
                if (t > Latest[j + 1] + AlnsProblem.Epsilon) break;
            }
        }
        return best;
    }
}
