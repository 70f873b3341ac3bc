using Microsoft.Playwright;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>The two screens the site is tried on: a phone held in one hand and a desktop browser.</summary>
public enum Viewport
{
    Phone,
    Desktop,
}

public static class ViewportOptions
{
    public static BrowserNewContextOptions For(Viewport viewport, Uri baseAddress) => viewport switch
    {
        Viewport.Phone => new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        },
        Viewport.Desktop => new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(viewport)),
    };

    public static string Name(this Viewport viewport) => viewport.ToString().ToLowerInvariant();
}
