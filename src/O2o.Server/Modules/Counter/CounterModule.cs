namespace O2o.Server.Modules.Counter;

public static class CounterModule
{
    public static void MapCounter(this IEndpointRouteBuilder api) => CounterEndpoints.Map(api);
}
