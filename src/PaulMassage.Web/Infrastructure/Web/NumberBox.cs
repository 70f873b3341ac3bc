using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PaulMassage.Web.Infrastructure.Web;

/// <summary>
/// Marks a property the user types as a number (not one picked from offered answers), so that text
/// which is not a number gets a message about numbers rather than the site's "choose one of the
/// answers offered".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NumberBoxAttribute : Attribute;

/// <summary>Gives <see cref="NumberBoxAttribute"/> properties their own binding messages.</summary>
public sealed class NumberBoxMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Attributes.OfType<NumberBoxAttribute>().Any() || context.BindingMetadata.ModelBindingMessageProvider is not { } siteMessages)
        {
            return;
        }

        var messages = new DefaultModelBindingMessageProvider(siteMessages);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: \"{value}\" is not a number. Please enter it in figures.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" is not a number. Please enter it in figures.");
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}
