using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MeshOps.Simulation.Faults;

/// <summary>Applies a <see cref="FaultPlan"/> in front of every simulated server, so each one fails the same ways.</summary>
public static class FaultMiddleware
{
    public static IApplicationBuilder UseFaults(this IApplicationBuilder app, FaultPlan plan) =>
        app.Use(async (context, next) =>
        {
            var fault = plan.Take(context.Request.Path.Value ?? "/");
            switch (fault?.Kind)
            {
                case null:
                    await next(context);
                    return;
                case FaultKind.Latency:
                    await Task.Delay(fault.Delay, context.RequestAborted);
                    await next(context);
                    return;
                case FaultKind.ServerError:
                    await Plain(context, StatusCodes.Status500InternalServerError, "simulated internal error\n");
                    return;
                case FaultKind.TooManyRequests:
                    context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    await Plain(context, StatusCodes.Status429TooManyRequests, "simulated rate limit\n");
                    return;
                case FaultKind.ExpiredToken:
                    await Plain(context, StatusCodes.Status401Unauthorized, "Unauthorized\n");
                    return;
                case FaultKind.DropConnection:
                    context.Abort();
                    return;
                case FaultKind.TruncatedBody:
                    await Truncated(context, next);
                    return;
            }
        });

    private static Task Plain(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// Runs the real handler into a buffer, promises its full length, sends half, and closes the connection. Closing
    /// through Kestrel (RequestClose, then the short body ends the response) sends the half first; context.Abort() resets
    /// the socket before Kestrel has written it, so the client never saw the headers and got a reset, not a short body.
    /// </summary>
    private static async Task Truncated(HttpContext context, RequestDelegate next)
    {
        var real = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = real;
        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await real.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await real.FlushAsync(context.RequestAborted);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
    }
}
