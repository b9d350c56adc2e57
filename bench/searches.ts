/**
 * The wrk scripts whose every request is new, so that no kept page can answer: a page with a
 * parameter of its own, searches as citizens make them over the volume's texts, and the search
 * index's worst case.
 */
import { functionWords, names, topics } from './volume.ts';

const lua = (items: readonly string[]) => `{ ${items.map((w) => `"${w}"`).join(', ')} }`;
const luaTopics = `{ ${topics.map(lua).join(', ')} }`;

/**
 * A request count of each of wrk's threads, started far apart so that no two threads ask alike, and
 * from the number of the load (bench/load.ts hands it to the script), so that no two loads do: the
 * bench runs each row several times, against the same portal, and a load that asked the addresses
 * of one before it found each of them asked once already, which is what makes the page cache keep
 * a page. The draws are seeded from the same numbers, so every bench asks the same searches.
 */
const counter = `
local n = 0
local thread = 0
setup = function(t) thread = thread + 1; t:set("id", thread) end
init = function(args)
  local load = tonumber(args and args[1]) or 0
  n = load * 10000000 + (id or 1) * 1000000
  math.randomseed(load * 16 + (id or 1))
end
`;

/** The same page, each request with a parameter of its own. */
export const everyRequestNew = (address: string) => `${counter}
request = function()
  n = n + 1
  return wrk.format("GET", "${address}&n=" .. n)
end
`;

/**
 * Every request a different search, as citizens search the texts bench/volume.ts writes: one to
 * three words, most often a topic's ("jalan rusak"), sometimes with a kelurahan, a name or a little
 * word ("yang"); mostly the first page. Words are picked by the Zipf's law the texts were written
 * with. A number of its own makes every address new, so no kept page can answer it.
 */
export const searchScript = (places: string[]) => `
local topics = ${luaTopics}
local little = ${lua(functionWords)}
local names = ${lua(names)}
local places = ${lua(places.map((p) => p.toLowerCase().replace(/[^a-z]+/g, '+')))}
${counter}local function zipf(size) return math.min(size, math.floor((size + 1) ^ math.random())) end
request = function()
  n = n + 1
  local topic = topics[zipf(#topics)]
  local q = topic[zipf(#topic)]
  local r = math.random()
  if r < 0.45 then q = q .. "+" .. topic[zipf(#topic)]
  elseif r < 0.60 then q = q .. "+" .. places[math.random(#places)]
  elseif r < 0.70 then q = q .. "+" .. names[math.random(#names)] end
  if math.random() < 0.1 then q = little[math.random(#little)] .. "+" .. q end
  local page = 1
  if math.random() < 0.3 then page = math.random(2, 5) end
  return wrk.format("GET", "/aspirasi?q=" .. q .. "&hal=" .. page .. "&n=" .. n)
end
`;

/**
 * The worst case for the search index: three common words of three different topics, which nearly
 * never meet in one text, over five pages. Each word is in thousands of texts, so the index reads
 * long lists to find that almost nothing has all three.
 */
export const unrelatedSearchScript = `
local topics = ${luaTopics}
${counter}
request = function()
  n = n + 1
  local t = #topics
  local a = n % t
  local b = (a + 1 + math.floor(n / t) % (t - 1)) % t
  local k = math.floor(n / (t * (t - 1))) % (t - 2)
  local c = 0
  for i = 0, t - 1 do
    if i ~= a and i ~= b then
      if k == 0 then c = i; break end
      k = k - 1
    end
  end
  local w = math.floor(n / (t * (t - 1) * (t - 2))) % 3 + 1
  local q = topics[a + 1][w] .. "+" .. topics[b + 1][(w % 3) + 1] .. "+" .. topics[c + 1][((w + 1) % 3) + 1]
  return wrk.format("GET", "/aspirasi?q=" .. q .. "&hal=" .. (n % 5 + 1) .. "&n=" .. n)
end
`;
