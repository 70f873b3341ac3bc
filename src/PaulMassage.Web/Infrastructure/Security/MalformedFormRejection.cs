namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// Reads a posted form once, up front, and answers 400 when it cannot be read (a broken multipart
/// body, an unsupported charset such as UTF-7, a truncated upload) instead of letting the error
/// surface later as a 500. The form stays cached for model binding and the antiforgery check.
/// </summary>
public static class MalformedFormRejection
{
    public static IApplicationBuilder UseMalformedFormRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.HasFormContentType && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or ArgumentException or BadHttpRequestException or FormatException)
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PaulMassage.Forms")
                        .LogInformation("Refused an unreadable form posted to {Path} ({Error})", Logging.PracticeLogging.MaskSecrets(context.Request.Path.Value), ex.GetType().Name);
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
            }

            await next(context);
        });
}
