using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

/// <summary>Turns errors into RFC 9457 problem details with a stable <c>code</c>.</summary>
public static class Problems
{
    private const string DetailZhKey = "detailZh";

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Errors is not null) extensions["errors"] = error.Errors;
        if (error.DetailZh is not null) extensions[DetailZhKey] = error.DetailZh;
        if (error.Extensions is not null)
            foreach (var (key, value) in error.Extensions) extensions[key] = value;
        return TypedResults.Problem(error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }

    public static IServiceCollection AddO2oProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (context.Exception is BadHttpRequestException bad)
            {
                problem.Status = StatusCodes.Status400BadRequest;
                problem.Title = "The request is not valid";
                problem.Detail = "The request body or parameters could not be read: malformed JSON, a wrong type or a missing body.";
                problem.Extensions["code"] = "validation_failed";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [Describe(bad)] };
                context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            problem.Extensions.TryAdd("code", problem.Status switch
            {
                400 => "validation_failed",
                401 => "unauthorized",
                403 => "forbidden",
                404 => "not_found",
                405 => "method_not_allowed",
                413 => "payload_too_large",
                415 => "unsupported_media_type",
                429 => "too_many_requests",
                _ => "internal_error",
            });
            problem.Extensions.Remove("traceId");
            // English unless the caller asks for Chinese; the code never changes.
            var specificZh = problem.Extensions.TryGetValue(DetailZhKey, out var zh) ? zh as string : null;
            problem.Extensions.Remove(DetailZhKey);
            if (Language.PrefersChinese(context.HttpContext.Request) && problem.Extensions["code"] is string code)
                (problem.Title, problem.Detail) = ProblemTexts.Chinese(code, specificZh);
        });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"Malformed JSON{(json.Path is { Length: > 1 } path ? $" at {path}" : "")}."
            : bad.Message.Length > 200 ? bad.Message[..200] : bad.Message;

    /// <summary>Answers bad requests the framework rejects with problem details instead of a bare status.</summary>
    public static void UseO2oProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
    }
}
