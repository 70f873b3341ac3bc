namespace PaulMassage.Web.Features.Catalogue;

/// <summary>A treatment the practice offers.</summary>
public class Service
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>One sentence: what it is for. Used on cards and as the meta description.</summary>
    public required string Summary { get; set; }

    /// <summary>One sentence: who it suits.</summary>
    public required string Suits { get; set; }

    public required string DescriptionMarkdown { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public List<ServiceOption> Options { get; } = [];
}

/// <summary>A bookable length of a service and its price.</summary>
public class ServiceOption
{
    public int Id { get; set; }

    public int ServiceId { get; set; }

    public int Minutes { get; set; }

    public decimal PriceGbp { get; set; }
}
