using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// Decides when a setting FluentEmail's <c>SmtpClientOptions</c> never writes is known to keep its
/// default (<c>Port = 25</c>, <c>UseSsl = false</c>). An unwritten setting is usually written
/// somewhere else (bound from configuration, set by a helper), so the defaults count only when the
/// whole life of the object is in view.
/// </summary>
internal static class FluentEmailDefaults
{
    /// <summary>
    /// True when the options are created in this code block and go straight to FluentEmail's
    /// <c>AddMailKitSender</c> or <c>new MailKitSender</c>: either created in the argument itself, or
    /// held in a local that is used for nothing but writing and reading its properties and being
    /// handed to FluentEmail. Returned, stored, passed to any other method or reassigned: false.
    /// </summary>
    public static bool AreInView(ConfiguredInstance instance, MailSymbols symbols)
    {
        if (instance.Creation is not { } creation)
        {
            return false;
        }

        return instance.Key switch
        {
            IObjectCreationOperation => IsGivenToFluentEmail(creation, symbols),
            ILocalSymbol local => LocalStaysInView(instance, local, symbols),
            _ => false,
        };
    }

    private static bool LocalStaysInView(ConfiguredInstance instance, ILocalSymbol local, MailSymbols symbols)
    {
        var given = false;
        foreach (var reference in instance.Root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            if (IsGivenToFluentEmail(reference, symbols))
            {
                given = true;
            }
            else if (reference.Parent is not IPropertyReferenceOperation property || !IsPlainReadOrWrite(property))
            {
                return false;
            }
        }

        return given;
    }

    /// <summary>
    /// A property read, or a simple assignment (which <see cref="ConfiguredInstance"/> collects).
    /// Compound assignments, increments and deconstruction change a setting without saying to what.
    /// </summary>
    private static bool IsPlainReadOrWrite(IPropertyReferenceOperation property)
        => property.Parent switch
        {
            ISimpleAssignmentOperation => true,
            IAssignmentOperation assignment => assignment.Target != property,
            IIncrementOrDecrementOperation or ITupleOperation => false,
            _ => true,
        };

    private static bool IsGivenToFluentEmail(IOperation value, MailSymbols symbols)
    {
        return ConstantValues.Wrapped(value).Parent is IArgumentOperation { Parent: var call }
            && call switch
            {
                IInvocationOperation invocation => symbols.IsFluentEmailSender(invocation.TargetMethod),
                IObjectCreationOperation sender => symbols.IsFluentEmailSender(sender.Constructor),
                _ => false,
            };
    }
}
