namespace O2o.Routing;

/// <summary>Destroy: the removal operators of Ropke &amp; Pisinger (random, worst, related/Shaw) and whole-route removal.</summary>
internal sealed partial class AlnsSearch
{
    private const int DestroyRandom = 0, DestroyWorst = 1, DestroyRelated = 2, DestroyRoute = 3;
    private const int DestroyOperators = 4;
    private const double WorstRandomness = 3, RelatedRandomness = 6;

    private void Destroy(AlnsSolution solution, int operatorIndex, int count)
    {
        CollectAssigned(solution);
        count = Math.Min(count, _assignedCount);
        if (count <= 0) return;
        switch (operatorIndex)
        {
            case DestroyRandom: RandomRemoval(count); break;
            case DestroyWorst: WorstRemoval(solution, count); break;
            case DestroyRelated: RelatedRemoval(solution, count); break;
            default: RouteRemoval(solution); break;
        }
        TakeOutChosen(solution);
    }

    private void CollectAssigned(AlnsSolution solution)
    {
        _assignedCount = 0;
        _chosenCount = 0;
        for (var r = 0; r < solution.RouteOf.Length; r++)
            if (solution.RouteOf[r] >= 0) _assigned[_assignedCount++] = r;
    }

    private void RandomRemoval(int count)
    {
        for (var k = 0; k < count; k++)
        {
            var pick = k + _random.Next(_assignedCount - k);
            (_assigned[k], _assigned[pick]) = (_assigned[pick], _assigned[k]);
            _chosen[_chosenCount++] = _assigned[k];
        }
    }

    /// <summary>Requests whose removal saves the most distance, with some randomness so the search does not loop.</summary>
    private void WorstRemoval(AlnsSolution solution, int count)
    {
        IndexPositions(solution);
        var n = _problem.NodeCount;
        for (var k = 0; k < _assignedCount; k++)
        {
            var request = _assigned[k];
            var route = solution.Routes[solution.RouteOf[request]];
            var nodes = route.Nodes;
            int a = _position[_problem.First[request]], second = _problem.Second[request];
            double saving;
            if (second == 0) saving = RemovalSaving(nodes, a, n);
            else
            {
                var b = _position[second];
                saving = b == a + 1
                    ? _problem.Distance[nodes[a - 1] * n + nodes[a]] + _problem.Distance[nodes[a] * n + nodes[b]] +
                      _problem.Distance[nodes[b] * n + nodes[b + 1]] - _problem.Distance[nodes[a - 1] * n + nodes[b + 1]]
                    : RemovalSaving(nodes, a, n) + RemovalSaving(nodes, b, n);
            }
            _keys[k] = -saving;
        }
        Array.Sort(_keys, _assigned, 0, _assignedCount);
        PickSkewed(count, WorstRandomness);
    }

    private double RemovalSaving(int[] nodes, int position, int n) =>
        _problem.Distance[nodes[position - 1] * n + nodes[position]] + _problem.Distance[nodes[position] * n + nodes[position + 1]] -
        _problem.Distance[nodes[position - 1] * n + nodes[position + 1]];

    /// <summary>Shaw removal: requests close in space, time and size to ones already removed, so they can trade places.</summary>
    private void RelatedRemoval(AlnsSolution solution, int count)
    {
        IndexPositions(solution);
        var seedIndex = _random.Next(_assignedCount);
        _chosen[_chosenCount++] = _assigned[seedIndex];
        _assigned[seedIndex] = _assigned[--_assignedCount];
        while (_chosenCount < count && _assignedCount > 0)
        {
            var reference = _chosen[_random.Next(_chosenCount)];
            for (var k = 0; k < _assignedCount; k++) _keys[k] = Relatedness(reference, _assigned[k]);
            Array.Sort(_keys, _assigned, 0, _assignedCount);
            var pick = (int)(Math.Pow(_random.NextDouble(), RelatedRandomness) * _assignedCount);
            _chosen[_chosenCount++] = _assigned[pick];
            Array.Copy(_assigned, pick + 1, _assigned, pick, _assignedCount - pick - 1);
            _assignedCount--;
        }
    }

    private double Relatedness(int a, int b)
    {
        var p = _problem;
        int a1 = p.First[a], b1 = p.First[b], a2 = p.Second[a], b2 = p.Second[b];
        var distance = p.D(a1, b1);
        var time = Math.Abs(_startOf[a1] - _startOf[b1]);
        if (a2 != 0 && b2 != 0)
        {
            distance += p.D(a2, b2);
            time += Math.Abs(_startOf[a2] - _startOf[b2]);
        }
        return 9 * distance / p.MaxDistance + 3 * time / p.Horizon + 2.0 * Math.Abs(p.Demand[a1] - p.Demand[b1]) / p.Capacity;
    }

    /// <summary>Empties one route, preferring short ones: its requests then have to find room in the others.</summary>
    private void RouteRemoval(AlnsSolution solution)
    {
        var chosenRoute = -1;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var pick = solution.RouteOf[_assigned[_random.Next(_assignedCount)]];
            if (chosenRoute < 0 || solution.Routes[pick].Count < solution.Routes[chosenRoute].Count) chosenRoute = pick;
        }
        for (var k = 0; k < _assignedCount; k++)
            if (solution.RouteOf[_assigned[k]] == chosenRoute) _chosen[_chosenCount++] = _assigned[k];
    }

    private void PickSkewed(int count, double randomness)
    {
        for (var c = 0; c < count && _assignedCount > 0; c++)
        {
            var pick = (int)(Math.Pow(_random.NextDouble(), randomness) * _assignedCount);
            _chosen[_chosenCount++] = _assigned[pick];
            Array.Copy(_assigned, pick + 1, _assigned, pick, _assignedCount - pick - 1);
            _assignedCount--;
        }
    }

    private void IndexPositions(AlnsSolution solution)
    {
        foreach (var route in solution.Routes)
            for (var k = 1; k <= route.Count; k++)
            {
                _position[route.Nodes[k]] = k;
                _startOf[route.Nodes[k]] = route.Start[k];
            }
    }

    private void TakeOutChosen(AlnsSolution solution)
    {
        Array.Clear(_dirty);
        for (var c = 0; c < _chosenCount; c++)
        {
            _dirty[solution.TakeOut(_chosen[c])] = true;
            _pending[_pendingCount++] = _chosen[c];
        }
        for (var r = 0; r < _dirty.Length; r++)
            if (_dirty[r]) solution.Routes[r].Refresh();
    }
}
