using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// The rules file made usable: each rule parsed with the module's membership-rule parser, each tier name resolved
    /// against the tenant's tiers. Checked whole before anything is read, so a bad file names its key and changes nothing.
    /// </summary>
    internal sealed class WorkforceRuleSet
    {
        private readonly List<(string Key, MembershipRule Rule, LifecycleTier Tier)> _rules;

        private WorkforceRuleSet(List<(string, MembershipRule, LifecycleTier)> rules, LifecycleTier fallback, LifecycleTier leaveTier)
        {
            _rules = rules;
            Default = fallback;
            LeaveTier = leaveTier;
        }

        public LifecycleTier Default { get; }

        public LifecycleTier LeaveTier { get; }

        /// <summary>Parses every rule (before the tenant is read): a syntax error names the rule and the position.</summary>
        public static List<MembershipRule> Parse(SyncWorkforceLicenseRequest request)
        {
            var parsed = new List<MembershipRule>();
            for (var i = 0; i < request.Rules.Count; i++)
            {
                var key = Key(i);
                var rule = request.Rules[i];
                if (string.IsNullOrWhiteSpace(rule.Tier))
                {
                    throw Errors.WorkforceRulesInvalid(request.RulePath, key + ".Tier", "the rule names no tier.").ToException();
                }

                if (string.IsNullOrWhiteSpace(rule.When))
                {
                    throw Errors.WorkforceRulesInvalid(request.RulePath, key + ".When", "the rule has no condition.").ToException();
                }

                if (!MembershipRule.TryParse(rule.When, out var parsedRule, out var error))
                {
                    throw Errors.WorkforceRuleInvalid(request.RulePath, key, rule.When, error!.Position, error.Reason).ToException();
                }

                parsed.Add(parsedRule!);
            }

            return parsed;
        }

        /// <summary>Resolves the tiers the rules name; one the tenant lacks is an error naming its key.</summary>
        public static WorkforceRuleSet Resolve(SyncWorkforceLicenseRequest request, IReadOnlyList<MembershipRule> parsed, TierSystem system)
        {
            LifecycleTier Tier(string key, string? name) => name == null ? system.Baseline
                : system.Find(name.Trim()) ?? throw Errors.WorkforceTierNotFound(request.RulePath, key, name, system.Tiers.Select(t => t.Name)).ToException();
            var rules = parsed.Select((rule, i) => (Key(i), rule, Tier(Key(i) + ".Tier", request.Rules[i].Tier))).ToList();
            var set = new WorkforceRuleSet(rules, Tier("Default", request.Default), Tier("LeaveTier", request.LeaveTier));
            // Joins above the baseline, and every leave, go through a package: a tier without one would fail person by person.
            foreach (var tier in rules.Select(r => r.Item3).Append(set.Default).Where(t => t.Package == null && !t.IsBaseline))
            {
                throw Errors.TierNeedsAccessPackage(tier.Name, "people join it through its package, so the assignment keeps an owner.").ToException();
            }

            if (set.LeaveTier.Package == null)
            {
                throw Errors.TierNeedsAccessPackage(set.LeaveTier.Name, "a leave is kept on an access package assignment that ends when the leave does.").ToException();
            }

            return set;
        }

        /// <summary>The tier the first matching rule gives, else the default, with the key that decided it.</summary>
        public (LifecycleTier Tier, string Key) TierFor(HrRecord record)
        {
            foreach (var (key, rule, tier) in _rules)
            {
                if (rule.Evaluate(record))
                {
                    return (tier, key);
                }
            }

            return (Default, "Default");
        }

        private static string Key(int index) => "Rules[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }
}
