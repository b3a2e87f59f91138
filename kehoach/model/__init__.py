"""The typed model: plans, the shared registry and dates as documents write them.

Plain frozen dataclasses, built by kehoach.source and read by everything after it. This
package imports nothing else of kehoach.
"""
