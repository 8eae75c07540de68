// The invoice's comment thread: the one client-side island of the detail page.
//
// The server renders the first page and hands the same JSON over in data-initial, so the
// thread shows at once and this module only keeps it live. @tanstack/query-core (served
// from its WebJar, resolved through the page's import map) owns the client cache: polling
// while the tab is visible, older pages (at most 10 kept), and the optimistic post's
// cancel / snapshot / rollback / invalidate. What is written here is only the wiring and
// the DOM.
import { InfiniteQueryObserver, MutationObserver, QueryClient } from "@tanstack/query-core";

const MAX_PAGES = 10;

const root = document.querySelector('[data-testid="comment-thread"]');
if (root) {
  start(root);
}

function start(root) {
  const invoiceId = root.dataset.invoiceId;
  const pollMs = Number(root.dataset.pollMs) > 0 ? Number(root.dataset.pollMs) : 10000;
  const api = "/api/invoices/" + encodeURIComponent(invoiceId) + "/comments";
  const queryKey = ["invoices", invoiceId, "comments"];

  const list = root.querySelector('[data-testid="comment-list"]');
  const empty = root.querySelector('[data-testid="comment-empty"]');
  const older = root.querySelector('[data-testid="load-older"]');
  const form = root.querySelector('[data-testid="comment-form"]');
  const textarea = form.querySelector("textarea[name=body]");
  const error = root.querySelector('[data-testid="comment-error"]');
  const newest = document.createElement("button");
  newest.type = "button";
  newest.className = "button button-quiet";
  newest.dataset.testid = "show-newest";
  newest.textContent = "Back to the newest comments";
  newest.hidden = true;
  list.before(newest);

  const client = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
  // Subscribes to visibility and online changes: refetch when the tab comes back.
  client.mount();

  // Polls every pollMs, and never in a hidden tab (refetchIntervalInBackground: false is
  // the library's visibility check); paused while our own post is in flight, so a poll
  // landing in between cannot undo the optimistic comment before the post settles.
  function threadOptions(polling) {
    return {
      queryKey,
      queryFn: ({ pageParam, signal }) =>
        getJson(pageParam ? api + "?cursor=" + encodeURIComponent(pageParam) : api, signal),
      initialPageParam: null,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      maxPages: MAX_PAGES,
      initialData: { pages: [JSON.parse(root.dataset.initial)], pageParams: [null] },
      initialDataUpdatedAt: Date.now(),
      staleTime: pollMs,
      refetchInterval: polling ? pollMs : false,
      refetchIntervalInBackground: false,
    };
  }

  const thread = new InfiniteQueryObserver(client, threadOptions(true));
  thread.subscribe(render);
  render(thread.getCurrentResult());

  const poster = new MutationObserver(client, {
    mutationFn: postComment,
    onMutate: async (comment) => {
      // Cancel any in-flight poll so it cannot overwrite the optimistic comment, then
      // snapshot what the thread was for the rollback.
      await client.cancelQueries({ queryKey });
      const previous = client.getQueryData(queryKey);
      client.setQueryData(queryKey, (data) => withFirst(data, {
        id: comment.clientId,
        invoiceId: Number(invoiceId),
        authorName: "You",
        body: comment.body,
        createdAt: new Date().toISOString(),
        pending: true,
      }));
      return { previous };
    },
    onError: (failure, comment, context) => {
      if (context) {
        client.setQueryData(queryKey, context.previous);
      }
      if (!textarea.value) {
        textarea.value = comment.body;
      }
      showError(failure.message);
    },
    onSuccess: () => refreshCount(),
    // Either way the server is the truth: refetch, and its row replaces ours by id.
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  poster.subscribe((state) => thread.setOptions(threadOptions(!state.isPending)));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = textarea.value.trim();
    if (!body) {
      showError("Write something before posting.");
      return;
    }
    hideError();
    textarea.value = "";
    poster.mutate({ clientId: newClientId(), body }).catch(() => {
      // reported by onError
    });
  });

  // The control is a link to the older page (what works without this script); here it
  // loads that page in place.
  older.addEventListener("click", (event) => {
    event.preventDefault();
    loadOlder();
  });
  // Scrolling the control into view loads the next older page, as the button does.
  if ("IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        loadOlder();
      }
    }).observe(older);
  }
  newest.addEventListener("click", () => {
    client.resetQueries({ queryKey });
    root.scrollIntoView();
  });

  function loadOlder() {
    const result = thread.getCurrentResult();
    if (result.hasNextPage && !result.isFetchingNextPage) {
      thread.fetchNextPage().catch(() => {
        // the next poll or click tries again
      });
    }
  }

  function render(result) {
    const data = result.data;
    if (!data) {
      return;
    }
    const comments = [];
    const seen = new Set();
    for (const page of data.pages) {
      for (const comment of page.comments) {
        // One item per id, always: the server's row and our optimistic one share it.
        if (!seen.has(comment.id)) {
          seen.add(comment.id);
          comments.push(comment);
        }
      }
    }
    const shown = new Map();
    for (const item of list.querySelectorAll(':scope > [data-testid="comment"]')) {
      shown.set(item.dataset.commentId, item);
    }
    comments.forEach((comment, index) => {
      let item = shown.get(comment.id);
      if (item) {
        shown.delete(comment.id);
      } else {
        item = newItem();
      }
      fill(item, comment);
      if (list.children[index] !== item) {
        list.insertBefore(item, list.children[index] || null);
      }
    });
    shown.forEach((item) => item.remove());
    if (empty) {
      empty.hidden = comments.length > 0;
    }
    older.hidden = !result.hasNextPage;
    older.setAttribute("aria-disabled", String(result.isFetchingNextPage));
    const lastPage = data.pages[data.pages.length - 1];
    if (lastPage && lastPage.nextCursor) {
      older.href = "/invoices/" + encodeURIComponent(invoiceId) + "/comments?cursor=" +
        encodeURIComponent(lastPage.nextCursor);
    }
    // maxPages dropped the newest page to keep memory bounded: offer the way back.
    newest.hidden = data.pageParams[0] == null;
  }

  function newItem() {
    const item = document.createElement("li");
    item.className = "comment";
    item.dataset.testid = "comment";
    const author = document.createElement("span");
    author.className = "comment-author";
    const time = document.createElement("time");
    const body = document.createElement("p");
    body.className = "comment-body";
    item.append(author, " ", time, body);
    return item;
  }

  function fill(item, comment) {
    item.dataset.commentId = comment.id;
    item.classList.toggle("comment-pending", Boolean(comment.pending));
    item.querySelector(".comment-author").textContent = comment.authorName;
    const time = item.querySelector("time");
    time.dateTime = comment.createdAt;
    // Relative like every time on the page (app.js keeps data-relative ones current).
    if (comment.pending) {
      delete time.dataset.relative;
      time.textContent = "sending…";
    } else {
      time.dataset.relative = "";
      time.title = new Date(comment.createdAt).toString();
      time.textContent = window.ledgerline ? window.ledgerline.relativeTime(comment.createdAt) : comment.createdAt;
    }
    item.querySelector(".comment-body").textContent = comment.body;
  }

  async function postComment(comment) {
    const fields = new URLSearchParams(new FormData(form));
    fields.set("clientId", comment.clientId);
    fields.set("body", comment.body);
    const response = await fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: fields,
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok || !answer || !answer.ok) {
      const message = answer && answer.error && answer.error.message;
      throw new Error(message || "Your comment was not posted (" + response.status + "). Please try again.");
    }
    return answer.data;
  }

  // The count is server-rendered (cached with the invoice's record, which the post
  // expired): re-read it from the server rather than counting in the browser.
  function refreshCount() {
    fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        if (!html) {
          return;
        }
        const fresh = new DOMParser().parseFromString(html, "text/html");
        const next = fresh.querySelector('[data-testid="comment-count"]');
        const now = root.querySelector('[data-testid="comment-count"]');
        if (next && now) {
          now.textContent = next.textContent;
        }
      })
      .catch(() => {
        // the next page load shows it
      });
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
    if (window.ledgerline && window.ledgerline.showToast) {
      window.ledgerline.showToast(message, "error");
    }
  }

  function hideError() {
    error.hidden = true;
    error.textContent = "";
  }
}

function withFirst(data, comment) {
  const [first, ...rest] = data.pages;
  return {
    pages: [{ ...first, comments: [comment, ...first.comments.filter((c) => c.id !== comment.id)] }, ...rest],
    pageParams: data.pageParams,
  };
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal, credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error("The thread could not be refreshed (" + response.status + ").");
  }
  return response.json();
}

function newClientId() {
  if (window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  // randomUUID needs a secure context; the same version-4 UUID by hand elsewhere.
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
}
