using System.Diagnostics;

namespace O2o.Routing;

/// <summary>
/// Adaptive large neighbourhood search (Ropke &amp; Pisinger 2006) in two phases, vehicles first as the objective says:
/// <list type="number">
/// <item>Route minimisation: empty a route and search with one route fewer, its requests pending at a penalty that grows
/// for each request every time it is left out (so the search learns which ones are hard, as in guided ejection search),
/// until all fit; repeat while routes go and the phase's time lasts.</item>
/// <item>Distance: destroy and repair with adaptive operator weights and simulated-annealing acceptance cooling with
/// the clock, never exceeding the vehicles found.</item>
/// </list>
/// One instance, one thread; the same seed gives the same moves (how many depends on the clock).
/// </summary>
internal sealed partial class AlnsSearch
{
    private const int RepairOperators = 6;
    private const int SegmentLength = 100;
    private const double Reaction = 0.1, MinimumWeight = 0.05;
    private const double ScoreNewBest = 33, ScoreBetter = 9, ScoreAccepted = 13;
    /// <summary>The distance phase starts accepting a solution this much longer half of the time, and cools to <see cref="FinalCooling"/> of it.</summary>
    private const double StartWorse = 0.01, FinalCooling = 0.01;
    /// <summary>Each destroy removes between 4 requests and this share of them (at most <see cref="RemovalMost"/>).</summary>
    private const double RemovalShare = 0.3;
    private const int RemovalMost = 40;
    private const double VehiclePhaseShare = 0.55, VehicleStallShare = 0.3;

    private readonly AlnsProblem _problem;
    private readonly Random _random;
    private readonly Stopwatch _clock = new();
    private readonly AlnsRoute _emptyRoute;

    private readonly int[] _pending, _assigned, _chosen, _position, _usedRoutes;
    private int _pendingCount, _assignedCount, _chosenCount, _usedCount;
    private readonly double[] _keys, _startOf;
    private readonly bool[] _dirty;
    private readonly double[] _cost, _emptyCost;
    private readonly int[] _costFirst, _costSecond, _emptyFirst, _emptySecond;
    private readonly double[] _penalty;

    private readonly double[] _destroyWeight = new double[DestroyOperators], _destroyScore = new double[DestroyOperators];
    private readonly int[] _destroyUses = new int[DestroyOperators];
    private readonly double[] _repairWeight = new double[RepairOperators], _repairScore = new double[RepairOperators];
    private readonly int[] _repairUses = new int[RepairOperators];

    public AlnsSearch(AlnsProblem problem, int seed)
    {
        _problem = problem;
        _random = new Random(seed);
        _emptyRoute = new AlnsRoute(problem);
        var requests = problem.RequestCount;
        var vehicles = problem.MaxVehicles;
        _pending = new int[requests];
        _assigned = new int[requests];
        _chosen = new int[requests];
        _keys = new double[requests];
        _position = new int[problem.NodeCount];
        _startOf = new double[problem.NodeCount];
        _usedRoutes = new int[vehicles];
        _dirty = new bool[vehicles];
        _cost = new double[requests * vehicles];
        _costFirst = new int[requests * vehicles];
        _costSecond = new int[requests * vehicles];
        _emptyCost = new double[requests];
        _emptyFirst = new int[requests];
        _emptySecond = new int[requests];
        _penalty = new double[requests];
        Array.Fill(_destroyWeight, 1);
        Array.Fill(_repairWeight, 1);
    }

    public long Iterations { get; private set; }

    /// <summary>The first solution that served every request, kept as a fallback for the caller.</summary>
    public AlnsSolution? FirstComplete { get; private set; }

    private double Elapsed => _clock.Elapsed.TotalSeconds;

    /// <summary>The best solution found within <paramref name="seconds"/>; it may leave requests out only if none served them all.</summary>
    public AlnsSolution Run(double seconds)
    {
        _clock.Restart();
        var best = new AlnsSolution(_problem);
        for (var r = 0; r < _problem.RequestCount; r++) _pending[_pendingCount++] = r;
        Repair(best, _problem.MaxVehicles, 2, false);
        _pendingCount = 0;
        if (best.Unassigned > 0 && !Complete(best, _problem.MaxVehicles, seconds)) return best;
        FirstComplete = new AlnsSolution(_problem);
        FirstComplete.CopyFrom(best);

        MinimiseVehicles(best, seconds);
        MinimiseDistance(best, seconds);
        return best;
    }

    private void MinimiseVehicles(AlnsSolution best, double seconds)
    {
        var work = new AlnsSolution(_problem);
        var phaseEnd = seconds * VehiclePhaseShare;
        var lastSuccess = Elapsed;
        while (best.UsedRoutes > _problem.VehicleLowerBound)
        {
            var deadline = Math.Min(phaseEnd, lastSuccess + seconds * VehicleStallShare);
            if (Elapsed >= deadline) return;
            work.CopyFrom(best);
            EmptyOneRoute(work);
            if (!Complete(work, best.UsedRoutes - 1, deadline)) return;
            best.CopyFrom(work);
            lastSuccess = Elapsed;
        }
    }

    private void EmptyOneRoute(AlnsSolution solution)
    {
        var chosen = -1;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            int pick;
            do pick = _random.Next(solution.Routes.Length); while (solution.Routes[pick].Count == 0);
            if (chosen < 0 || solution.Routes[pick].Count < solution.Routes[chosen].Count) chosen = pick;
        }
        for (var r = 0; r < solution.RouteOf.Length; r++)
            if (solution.RouteOf[r] == chosen) solution.TakeOut(r);
        solution.Routes[chosen].Refresh();
    }

    /// <summary>
    /// Searches until every request is served on at most <paramref name="routeLimit"/> routes (true, with the result in
    /// <paramref name="solution"/>) or the deadline passes (false, <paramref name="solution"/> unchanged or partial).
    /// </summary>
    private bool Complete(AlnsSolution solution, int routeLimit, double deadline)
    {
        Array.Fill(_penalty, 1);
        var current = new AlnsSolution(_problem);
        current.CopyFrom(solution);
        _pendingCount = 0;
        CollectUnassigned(current);
        Repair(current, routeLimit, 2, false);
        _pendingCount = 0;
        if (current.Unassigned == 0)
        {
            solution.CopyFrom(current);
            return true;
        }
        var candidate = new AlnsSolution(_problem);
        var temperature = StartWorse * current.Distance / Math.Log(2);
        var bestSeen = double.PositiveInfinity;
        var iteration = 0;
        while (Elapsed < deadline)
        {
            candidate.CopyFrom(current);
            _pendingCount = 0;
            CollectUnassigned(candidate);
            var destroy = Roulette(_destroyWeight);
            var repair = Roulette(_repairWeight);
            Destroy(candidate, destroy, RemovalCount());
            Repair(candidate, routeLimit, RegretOf(repair), repair % 2 == 1);
            for (var k = 0; k < _pendingCount; k++) _penalty[_pending[k]] += 1;
            var left = _pendingCount;
            _pendingCount = 0;
            Iterations++;
            if (left == 0)
            {
                solution.CopyFrom(candidate);
                Reward(destroy, repair, ScoreNewBest);
                return true;
            }
            double candidateCost = Penalised(candidate), currentCost = Penalised(current);
            var score = 0.0;
            if (candidateCost < bestSeen) { bestSeen = candidateCost; score = ScoreNewBest; }
            else if (candidateCost < currentCost) score = ScoreBetter;
            else if (_random.NextDouble() < Math.Exp((currentCost - candidateCost) / temperature)) score = ScoreAccepted;
            if (score > 0) (current, candidate) = (candidate, current);
            Reward(destroy, repair, score);
            if (++iteration % SegmentLength == 0) UpdateWeights();
        }
        return false;
    }

    private double Penalised(AlnsSolution solution)
    {
        var cost = solution.Distance;
        for (var r = 0; r < solution.RouteOf.Length; r++)
            if (solution.RouteOf[r] < 0) cost += _problem.MaxDistance * _penalty[r];
        return cost;
    }

    private void CollectUnassigned(AlnsSolution solution)
    {
        for (var r = 0; r < solution.RouteOf.Length; r++)
            if (solution.RouteOf[r] < 0) _pending[_pendingCount++] = r;
    }

    private void MinimiseDistance(AlnsSolution best, double seconds)
    {
        var current = new AlnsSolution(_problem);
        var candidate = new AlnsSolution(_problem);
        current.CopyFrom(best);
        double bestDistance = best.Distance, currentDistance = bestDistance;
        var routeLimit = best.UsedRoutes;
        var startTemperature = StartWorse * bestDistance / Math.Log(2);
        var phaseStart = Elapsed;
        var phaseLength = Math.Max(1e-9, seconds - phaseStart);
        var iteration = 0;
        double now;
        while ((now = Elapsed) < seconds)
        {
            var temperature = startTemperature * Math.Pow(FinalCooling, (now - phaseStart) / phaseLength);
            candidate.CopyFrom(current);
            _pendingCount = 0;
            var destroy = Roulette(_destroyWeight);
            var repair = Roulette(_repairWeight);
            Destroy(candidate, destroy, RemovalCount());
            Repair(candidate, routeLimit, RegretOf(repair), repair % 2 == 1);
            var complete = _pendingCount == 0;
            _pendingCount = 0;
            Iterations++;
            var score = 0.0;
            if (complete)
            {
                var distance = candidate.Distance;
                var fewerRoutes = candidate.UsedRoutes < routeLimit;
                if (fewerRoutes || distance < bestDistance - 1e-9)
                {
                    best.CopyFrom(candidate);
                    bestDistance = distance;
                    if (fewerRoutes) routeLimit = candidate.UsedRoutes;
                    score = ScoreNewBest;
                }
                else if (distance < currentDistance - 1e-9) score = ScoreBetter;
                else if (distance > currentDistance + 1e-9 && _random.NextDouble() < Math.Exp((currentDistance - distance) / temperature))
                    score = ScoreAccepted;
                if (score > 0)
                {
                    (current, candidate) = (candidate, current);
                    currentDistance = distance;
                }
            }
            Reward(destroy, repair, score);
            if (++iteration % SegmentLength == 0) UpdateWeights();
        }
    }

    private int RemovalCount()
    {
        var requests = _problem.RequestCount;
        var least = Math.Min(4, requests);
        var most = Math.Max(least, Math.Min(RemovalMost, (int)(RemovalShare * requests)));
        return least + _random.Next(most - least + 1);
    }

    private static int RegretOf(int repair) => repair / 2 + 1;

    private int Roulette(double[] weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        var x = _random.NextDouble() * total;
        for (var k = 0; k < weights.Length; k++)
        {
            x -= weights[k];
            if (x <= 0) return k;
        }
        return weights.Length - 1;
    }

    private void Reward(int destroy, int repair, double score)
    {
        _destroyScore[destroy] += score;
        _destroyUses[destroy]++;
        _repairScore[repair] += score;
        _repairUses[repair]++;
    }

    private void UpdateWeights()
    {
        Update(_destroyWeight, _destroyScore, _destroyUses);
        Update(_repairWeight, _repairScore, _repairUses);

        static void Update(double[] weights, double[] scores, int[] uses)
        {
            for (var k = 0; k < weights.Length; k++)
            {
                if (uses[k] > 0) weights[k] = Math.Max(MinimumWeight, (1 - Reaction) * weights[k] + Reaction * scores[k] / uses[k]);
                scores[k] = 0;
                uses[k] = 0;
            }
        }
    }
}
