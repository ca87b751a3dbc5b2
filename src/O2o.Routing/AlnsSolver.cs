namespace O2o.Routing;

/// <summary>
/// Our own solver for both benchmark families: adaptive large neighbourhood search with a route-minimisation phase
/// first (see <see cref="AlnsSearch"/>). Pure C#, one thread, in double precision with the checker's rules; the answer
/// is checked by <see cref="Feasibility"/> before it is returned, falling back to the first complete solution found.
/// Stateless between calls, so one instance may solve several instances at once.
/// </summary>
public sealed class AlnsSolver(int seed = 1) : IRoutingSolver
{
    public string Name => "alns";

    public RoutingSolution Solve(RoutingInstance instance, TimeSpan limit)
    {
        var problem = new AlnsProblem(instance);
        var search = new AlnsSearch(problem, seed);
        // A little margin for building the problem and checking the answer, so the whole call stays within the limit.
        var seconds = Math.Max(0.05, limit.TotalSeconds * 0.995 - 0.05);
        var best = search.Run(seconds);
        var solution = best.ToRoutingSolution();
        if (Feasibility.Check(instance, solution).Feasible || search.FirstComplete is null) return solution;
        var fallback = search.FirstComplete.ToRoutingSolution();
        return Feasibility.Check(instance, fallback).Feasible ? fallback : solution;
    }
}
