namespace O2o.Routing;

/// <summary>Repair: greedy and regret-k insertion of the pending requests, with optional noise on insertion costs.</summary>
internal sealed partial class AlnsSearch
{
    /// <summary>Stands in for a missing k-th option in a regret, so requests that fit in few routes go first.</summary>
    private const double MissingOption = 1e6;
    private const double NoiseFactor = 0.025;

    /// <summary>
    /// Inserts pending requests one at a time, each time the one with the best score (cheapest for greedy, largest regret
    /// otherwise), into at most <paramref name="routeLimit"/> used routes. What fits nowhere stays pending.
    /// </summary>
    private void Repair(AlnsSolution solution, int routeLimit, int regret, bool noise)
    {
        var vehicles = solution.Routes.Length;
        _usedCount = 0;
        var firstEmpty = -1;
        for (var r = 0; r < vehicles; r++)
        {
            if (solution.Routes[r].Count > 0) _usedRoutes[_usedCount++] = r;
            else if (firstEmpty < 0) firstEmpty = r;
        }
        var noiseAmount = noise ? NoiseFactor * _problem.MaxDistance : 0;
        for (var k = 0; k < _pendingCount; k++)
        {
            var request = _pending[k];
            for (var u = 0; u < _usedCount; u++) Evaluate(solution, request, _usedRoutes[u], noiseAmount);
            var cost = _emptyRoute.BestInsertion(_problem.First[request], _problem.Second[request], out var i, out var j);
            _emptyCost[request] = Noisy(cost, noiseAmount);
            _emptyFirst[request] = i;
            _emptySecond[request] = j;
        }

        while (_pendingCount > 0)
        {
            var allowEmpty = _usedCount < routeLimit && firstEmpty >= 0;
            int chosen = -1, chosenRoute = -1;
            double bestScore = double.NegativeInfinity, bestCheapest = double.PositiveInfinity;
            for (var k = 0; k < _pendingCount; k++)
            {
                var request = _pending[k];
                double c1 = double.PositiveInfinity, c2 = double.PositiveInfinity, c3 = double.PositiveInfinity;
                var r1 = -1;
                var row = request * vehicles;
                for (var u = 0; u < _usedCount; u++)
                {
                    var route = _usedRoutes[u];
                    var c = _cost[row + route];
                    if (c < c1) { c3 = c2; c2 = c1; c1 = c; r1 = route; }
                    else if (c < c2) { c3 = c2; c2 = c; }
                    else if (c < c3) c3 = c;
                }
                if (allowEmpty)
                {
                    var c = _emptyCost[request];
                    if (c < c1) { c3 = c2; c2 = c1; c1 = c; r1 = firstEmpty; }
                    else if (c < c2) { c3 = c2; c2 = c; }
                    else if (c < c3) c3 = c;
                }
                if (double.IsPositiveInfinity(c1)) continue;
                var score = regret <= 1
                    ? -c1
                    : Math.Min(c2, MissingOption) - c1 + (regret >= 3 ? Math.Min(c3, MissingOption) - c1 : 0);
                if (score > bestScore || (score == bestScore && c1 < bestCheapest))
                {
                    bestScore = score;
                    bestCheapest = c1;
                    chosen = k;
                    chosenRoute = r1;
                }
            }
            if (chosen < 0) return;

            var inserted = _pending[chosen];
            _pending[chosen] = _pending[--_pendingCount];
            if (solution.Routes[chosenRoute].Count == 0)
            {
                solution.Insert(inserted, chosenRoute, _emptyFirst[inserted], _emptySecond[inserted]);
                _usedRoutes[_usedCount++] = chosenRoute;
                firstEmpty = -1;
                for (var r = 0; r < vehicles; r++)
                    if (solution.Routes[r].Count == 0) { firstEmpty = r; break; }
            }
            else
            {
                var cell = inserted * vehicles + chosenRoute;
                solution.Insert(inserted, chosenRoute, _costFirst[cell], _costSecond[cell]);
            }
            for (var k = 0; k < _pendingCount; k++) Evaluate(solution, _pending[k], chosenRoute, noiseAmount);
        }
    }

    private void Evaluate(AlnsSolution solution, int request, int route, double noiseAmount)
    {
        var cell = request * solution.Routes.Length + route;
        var cost = solution.Routes[route].BestInsertion(_problem.First[request], _problem.Second[request], out var i, out var j);
        _cost[cell] = Noisy(cost, noiseAmount);
        _costFirst[cell] = i;
        _costSecond[cell] = j;
    }

    private double Noisy(double cost, double noiseAmount)
    {
        if (noiseAmount == 0 || double.IsPositiveInfinity(cost)) return cost;
        return Math.Max(0, cost + noiseAmount * (2 * _random.NextDouble() - 1));
    }
}
