namespace O2o.Routing;

/// <summary>
/// Our own solver for both benchmark families: adaptive large neighbourhood search with a route-minimisation phase
/// first (see <see cref="AlnsSearch"/>). Pure C#, one thread, in double precision with the checker's rules; the answer
/// is checked by <see cref="Feasibility"/> before it is returned.
/// </summary>
public sealed class AlnsSolver(int seed = 1) : IRoutingSolver
{
    public string Name => "alns";

    /// <summary>Iterations of the last solve, for tuning and the bench.</summary>
    public long LastIterations { get; private set; }

    public RoutingSolution Solve(RoutingInstance instance, TimeSpan limit)
    {
        var problem = new AlnsProblem(instance);
        var search = new AlnsSearch(problem, seed);
        // A little margin for building the problem and checking the answer, so the whole call stays within the limit.
        var seconds = Math.Max(0.05, limit.TotalSeconds * 0.995 - 0.05);
        var best = search.Run(seconds);
        LastIterations = search.Iterations;
        var solution = best.ToRoutingSolution();
        var report = Feasibility.Check(instance, solution);
        if (report.Feasible) return solution;
        throw new InvalidOperationException($"alns produced an infeasible solution for {instance.Name}: {string.Join("; ", report.Violations.Take(3))}");
    }
}
