/**
 * Actor recognition and resolution over whole sentences: a table of wire-style sentences written
 * for Parley, each with the actor mentions an analyst would code (mention text → country/sector).
 * "*" as sector means the sector is not checked (countries used as actors are GOV, but the gold
 * of most event data leaves the sector of a bare country open).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../src/document/document.js';
import { segmentStage } from '../src/nlp/index.js';
import { actorsStage, loadActorDictionary, resolveActor } from '../src/actors/index.js';

type Expect = [mention: string, country: string | null, sector: string];
type Case = [sentence: string, published: string | null, expected: Expect[]];

const cases: Case[] = [
  // Countries, capitals and seats of power as actors
  ['Ukraine has asked the United States for more air defence systems, officials in Kyiv said.', '2025-10-14',
    [['Ukraine', 'UKR', 'GOV'], ['the United States', 'USA', 'GOV'], ['officials in Kyiv', 'UKR', 'GOV']]],
  ['Kyiv insists that any ceasefire must be monitored, while Moscow rejects foreign observers.', '2025-10-14',
    [['Kyiv', 'UKR', 'GOV'], ['Moscow', 'RUS', 'GOV']]],
  ['Washington acknowledged the request on Tuesday, and the White House said talks were underway.', '2025-10-14',
    [['Washington', 'USA', 'GOV'], ['the White House', 'USA', 'GOV']]],
  ['The Kremlin dismissed the proposal as a publicity stunt, and Beijing called for restraint.', '2025-03-02',
    [['The Kremlin', 'RUS', 'GOV'], ['Beijing', 'CHN', 'GOV']]],
  ['Downing Street said Britain would send more engineers to help repair the power grid.', '2024-11-20',
    [['Downing Street', 'GBR', 'GOV'], ['Britain', 'GBR', 'GOV']]],
  ['The Pentagon confirmed that the U.S. had moved two destroyers closer to the coast.', '2024-04-15',
    [['The Pentagon', 'USA', 'MIL'], ['the U.S.', 'USA', 'GOV']]],
  ['Tehran warned Riyadh against joining the naval coalition, state media reported.', '2024-01-10',
    [['Tehran', 'IRN', 'GOV'], ['Riyadh', 'SAU', 'GOV']]],
  ['Poland and Lithuania agreed to link their air defence networks, the two governments announced.', '2025-06-01',
    [['Poland', 'POL', 'GOV'], ['Lithuania', 'LTU', 'GOV']]],
  ['The United Kingdom and France will co-chair the meeting, according to a statement from Paris.', '2025-02-20',
    [['The United Kingdom', 'GBR', 'GOV'], ['France', 'FRA', 'GOV'], ['Paris', 'FRA', 'GOV']]],
  ['Ankara offered to host a new round of negotiations between Moscow and Kyiv.', '2025-05-10',
    [['Ankara', 'TUR', 'GOV'], ['Moscow', 'RUS', 'GOV'], ['Kyiv', 'UKR', 'GOV']]],
  ['Qatar and Egypt have pressed Israel and Hamas to accept the latest draft.', '2024-08-15',
    [['Qatar', 'QAT', 'GOV'], ['Egypt', 'EGY', 'GOV'], ['Israel', 'ISR', 'GOV']]],
  ['Japan protested after China sent coast guard vessels near the disputed islands.', '2024-09-02',
    [['Japan', 'JPN', 'GOV'], ['China', 'CHN', 'GOV']]],

  // Demonym + sector noun, coordinated demonyms
  ['Russian forces stepped up attacks on the eastern front, Ukrainian officials said.', '2025-10-14',
    [['Russian forces', 'RUS', 'MIL'], ['Ukrainian officials', 'UKR', 'GOV']]],
  ['Senior Polish and Czech diplomats met on Friday to coordinate their positions.', '2025-01-17',
    [['Senior Polish', 'POL', 'GOV'], ['Czech diplomats', 'CZE', 'GOV']]],
  ['Israeli troops raided the camp overnight, and Palestinian gunmen fired on the convoy.', '2024-07-03',
    [['Israeli troops', 'ISR', 'MIL'], ['Palestinian gunmen', 'PSE', 'INS']]],
  ['Sudanese rebels seized the town after government forces withdrew.', '2024-05-12',
    [['Sudanese rebels', 'SDN', 'REB']]],
  ['Turkish police detained dozens of protesters in Istanbul.', '2025-03-21',
    [['Turkish police', 'TUR', 'COP']]],
  ['Georgian protesters marched on parliament for a third night.', '2024-12-01',
    [['Georgian protesters', 'GEO', 'OPP']]],
  ['Iranian lawmakers voted to suspend cooperation with the inspectors.', '2025-06-25',
    [['Iranian lawmakers', 'IRN', 'LEG']]],
  ['French and German officials played down the differences between the two capitals.', '2025-02-11',
    [['French', 'FRA', 'GOV'], ['German officials', 'DEU', 'GOV']]],
  ['U.S. and Ukrainian negotiators met in Jeddah for a second day.', '2025-03-11',
    [['U.S.', 'USA', 'GOV'], ['Ukrainian negotiators', 'UKR', 'GOV']]],
  ['Syrian refugees in Lebanon said they feared being sent back.', '2024-10-05',
    [['Syrian refugees', 'SYR', 'REF']]],
  ['South Korean soldiers fired warning shots after North Korean troops crossed the line.', '2024-06-11',
    [['South Korean soldiers', 'KOR', 'MIL'], ['North Korean troops', 'PRK', 'MIL']]],
  ['Pakistani security forces killed four militants in a raid, the army said.', '2024-11-03',
    [['Pakistani security forces', 'PAK', 'COP']]],
  ['Colombian authorities arrested a senior commander of the armed group.', '2024-08-08',
    [['Colombian authorities', 'COL', 'GOV']]],
  ['Chinese warplanes crossed the median line, Taiwanese military officials said.', '2024-10-14',
    [['Chinese warplanes', 'CHN', 'MIL'], ['Taiwanese military officials', 'TWN', 'MIL']]],
  ['Venezuelan opposition leaders called for a general strike.', '2024-08-01',
    [['Venezuelan opposition leaders', 'VEN', 'OPP']]],
  ['Ethiopian and Eritrean negotiators resumed talks in Nairobi.', '2023-05-04',
    [['Ethiopian', 'ETH', 'GOV'], ['Eritrean negotiators', 'ERI', 'GOV']]],
  ['Kenyan police fired tear gas at demonstrators in the capital.', '2024-06-25',
    [['Kenyan police', 'KEN', 'COP']]],
  ['Nigerian troops freed dozens of hostages, a military spokesman said.', '2024-03-24',
    [['Nigerian troops', 'NGA', 'MIL']]],
  ['Armenian and Azerbaijani foreign ministers initialled the text in Washington.', '2025-08-08',
    [['Armenian', 'ARM', 'GOV'], ['Azerbaijani foreign ministers', 'AZE', 'GOV']]],
  ['Lebanese soldiers deployed along the border as Israeli forces pulled back.', '2025-02-18',
    [['Lebanese soldiers', 'LBN', 'MIL'], ['Israeli forces', 'ISR', 'MIL']]],
  ['Finnish border guards closed two more crossings, the Finnish government said.', '2023-11-22',
    [['Finnish border guards', 'FIN', 'COP'], ['the Finnish government', 'FIN', 'GOV']]],

  // Possessive countries
  ["Ukraine's defence ministry said the drones were shot down over the Black Sea.", '2025-10-14',
    [["Ukraine's defence ministry", 'UKR', 'GOV']]],
  ["Russia's foreign ministry summoned the ambassador, and Poland's parliament condemned the move.", '2024-09-09',
    [["Russia's foreign ministry", 'RUS', 'GOV'], ["Poland's parliament", 'POL', 'LEG']]],
  ["Israel's army said it had struck a weapons depot in southern Lebanon.", '2024-10-01',
    [["Israel's army", 'ISR', 'MIL']]],
  ["Sudan's army retook the presidential palace, the country's military said.", '2025-03-21',
    [["Sudan's army", 'SDN', 'MIL']]],
  ["Brazil's supreme court ordered the platform to block the accounts.", '2024-08-30',
    [["Brazil's supreme court", 'BRA', 'JUD']]],
  ["Germany's new government pledged to raise defence spending.", '2025-05-07',
    [["Germany's new government", 'DEU', 'GOV']]],

  // People: titles, names, dates
  ['President Volodymyr Zelensky met U.S. President Donald Trump at the White House.', '2025-10-17',
    [['President Volodymyr Zelensky', 'UKR', 'GOV'], ['U.S. President Donald Trump', 'USA', 'GOV']]],
  ['Russian President Vladimir Putin said Moscow was ready for talks.', '2025-05-11',
    [['Russian President Vladimir Putin', 'RUS', 'GOV'], ['Moscow', 'RUS', 'GOV']]],
  ['Foreign Minister Sergei Lavrov accused the West of prolonging the war.', '2024-12-05',
    [['Foreign Minister Sergei Lavrov', 'RUS', 'GOV']]],
  ['Secretary of State Marco Rubio spoke with his Turkish counterpart Hakan Fidan.', '2025-04-03',
    [['Secretary of State Marco Rubio', 'USA', 'GOV'], ['Hakan Fidan', 'TUR', 'GOV']]],
  ['Prime Minister Keir Starmer hosted Emmanuel Macron in London.', '2025-03-02',
    [['Prime Minister Keir Starmer', 'GBR', 'GOV'], ['Emmanuel Macron', 'FRA', 'GOV']]],
  ['Chancellor Friedrich Merz said Germany would not send troops.', '2025-08-20',
    [['Chancellor Friedrich Merz', 'DEU', 'GOV'], ['Germany', 'DEU', 'GOV']]],
  ['Xi Jinping received Wang Yi after his return from Europe.', '2025-07-10',
    [['Xi Jinping', 'CHN', 'GOV'], ['Wang Yi', 'CHN', 'GOV']]],
  ['Benjamin Netanyahu and Defence Minister Israel Katz visited the northern border.', '2025-01-15',
    [['Benjamin Netanyahu', 'ISR', 'GOV'], ['Defence Minister Israel Katz', 'ISR', 'GOV']]],
  ['President Masoud Pezeshkian said Iran would not negotiate under pressure.', '2025-03-09',
    [['President Masoud Pezeshkian', 'IRN', 'GOV'], ['Iran', 'IRN', 'GOV']]],
  ['Recep Tayyip Erdogan urged both sides to return to the table.', '2025-03-01',
    [['Recep Tayyip Erdogan', 'TUR', 'GOV']]],
  ['Pete Hegseth ordered the carrier group to remain in the region.', '2025-06-20',
    [['Pete Hegseth', 'USA', 'GOV']]],
  ['Yulia Svyrydenko said the new government would focus on defence production.', '2025-07-18',
    [['Yulia Svyrydenko', 'UKR', 'GOV']]],
  ['Trump criticised the trade deal during his campaign.', '2022-06-01',
    [['Trump', 'USA', 'ELI']]],
  ['Former President Joe Biden spoke at the memorial.', '2025-09-01',
    [['Former President Joe Biden', 'USA', 'ELI']]],
  ['Antony Blinken flew to Cairo for talks on the hostage deal.', '2024-06-10',
    [['Antony Blinken', 'USA', 'GOV']]],

  // Unknown people introduced by a nationality and a title
  ['Danish Defence Minister Anders Holm said the frigate would leave port within days.', '2030-01-10',
    [['Danish Defence Minister Anders Holm', 'DNK', 'GOV']]],
  ['Kenyan President Samuel Ochieng appealed for calm.', '2030-01-10',
    [['Kenyan President Samuel Ochieng', 'KEN', 'GOV']]],
  ['Bolivian Foreign Minister Ana Quispe summoned the Chilean ambassador.', '2030-01-10',
    [['Bolivian Foreign Minister Ana Quispe', 'BOL', 'GOV']]],
  ['Moldovan Prime Minister Ion Rusu and Romanian President Mihai Dumitru signed the accord.', '2030-01-10',
    [['Moldovan Prime Minister Ion Rusu', 'MDA', 'GOV'], ['Romanian President Mihai Dumitru', 'ROU', 'GOV']]],
  ['Nepali Army General Ram Thapa said the soldiers would return to barracks.', '2030-01-10',
    [['Nepali Army General Ram Thapa', 'NPL', 'MIL']]],
  ['Ghana\'s Foreign Minister Kwame Mensah urged ECOWAS to act.', '2030-01-10',
    [["Ghana's Foreign Minister Kwame Mensah", 'GHA', 'GOV']]],

  // Coreference: surname, office, pronoun
  ['Zelensky said he was ready to meet Putin, and the Ukrainian President repeated the offer on Monday.', '2025-10-14',
    [['Zelensky', 'UKR', 'GOV'], ['he', 'UKR', 'GOV'], ['Putin', 'RUS', 'GOV'], ['the Ukrainian President', 'UKR', 'GOV']]],
  ['Danish Defence Minister Anders Holm visited the base. Holm said the unit was ready.', '2030-01-10',
    [['Danish Defence Minister Anders Holm', 'DNK', 'GOV'], ['Holm', 'DNK', 'GOV']]],
  ['The French President arrived in Kyiv on Friday.', '2025-05-10',
    [['The French President', 'FRA', 'GOV']]],
  ['The Russian Foreign Minister said his country had no plans to attack.', '2025-01-20',
    [['The Russian Foreign Minister', 'RUS', 'GOV']]],
  ['Bolivian Foreign Minister Ana Quispe arrived on Monday. The minister said she expected a deal.', '2030-01-10',
    [['Bolivian Foreign Minister Ana Quispe', 'BOL', 'GOV'], ['she', 'BOL', 'GOV']]],

  ['Zelensky met European leaders in Brussels. The Ukrainian leader thanked them, and the Russian official declined to comment.', '2025-10-17',
    [['Zelensky', 'UKR', 'GOV'], ['European leaders', null, 'GOV'], ['The Ukrainian leader', 'UKR', 'GOV'], ['the Russian official', 'RUS', 'GOV']]],

  // Administrations and possessive persons
  ['The Trump administration has not confirmed the meeting.', '2025-10-14',
    [['The Trump administration', 'USA', 'GOV']]],
  ['The Biden administration approved the sale of the missiles.', '2024-02-01',
    [['The Biden administration', 'USA', 'GOV']]],
  ["Putin's government denied any role in the attack.", '2024-03-23',
    [["Putin's government", 'RUS', 'GOV']]],

  // Organisations and their parts
  ['NATO allies agreed to raise spending, and the European Union announced new sanctions.', '2025-06-25',
    [['NATO', 'IGO', '*'], ['the European Union', 'IGO', '*']]],
  ['The U.N. Security Council will meet on Thursday at the request of France.', '2025-02-24',
    [['The U.N. Security Council', 'IGO', '*'], ['France', 'FRA', 'GOV']]],
  ['The International Atomic Energy Agency said inspectors had been denied access.', '2025-07-02',
    [['The International Atomic Energy Agency', 'IGO', '*']]],
  ['Amnesty International accused both sides of war crimes.', '2024-12-05',
    [['Amnesty International', 'NGO', '*']]],
  ['The African Union suspended Niger after the coup.', '2023-08-22',
    [['The African Union', 'IGO', '*']]],
  ['UN peacekeepers came under fire near the border.', '2024-10-10',
    [['UN peacekeepers', 'IGO', '*']]],

  // Collective actors without a nationality, and places as context
  ['Rebels in the Democratic Republic of the Congo seized another town.', '2025-01-26',
    [['Rebels in the Democratic Republic of the Congo', 'COD', 'REB']]],
  ['Security forces in Iran arrested hundreds of protesters.', '2022-10-01',
    [['Security forces in Iran', 'IRN', 'COP']]],
  ['Opposition groups in Serbia called for new elections.', '2025-03-15',
    [['Opposition groups in Serbia', 'SRB', 'OPP']]],
  ['Officials in Washington said discussions were underway.', '2025-10-14',
    [['Officials in Washington', 'USA', 'GOV']]],
  ['Advisers to the Ukrainian President say the meeting is urgent.', '2025-10-14',
    [['Advisers to the Ukrainian President', 'UKR', 'GOV']]],
  ['Sudanese rebels attacked the city. The rebels later withdrew.', '2024-05-12',
    [['Sudanese rebels', 'SDN', 'REB'], ['The rebels', 'SDN', 'REB']]],
  ['Syria said it was willing to withdraw its troops from the border area.', null,
    [['Syria', 'SYR', 'GOV'], ['its troops', 'SYR', 'MIL']]],

  // Anonymous sources
  ['“The talks are stuck,” one senior Ukrainian official said.', '2025-10-14',
    [['one senior Ukrainian official', 'UKR', 'GOV']]],
  ['A senior U.S. official said the deal was close.', '2025-10-14',
    [['A senior U.S. official', 'USA', 'GOV']]],
  ['Two Western diplomats said the draft had been withdrawn.', '2025-10-14',
    [['Two Western diplomats', null, 'GOV']]],
  ['An Israeli military official, speaking on condition of anonymity, said the strike hit its target.', '2024-10-26',
    [['An Israeli military official, speaking on condition of anonymity', 'ISR', 'MIL']]],

  // Undated text: the most recent role
  ['President Donald Trump said he would meet Vladimir Putin in Alaska.', null,
    [['President Donald Trump', 'USA', 'GOV'], ['Vladimir Putin', 'RUS', 'GOV']]],
  ['Hungary has said it will support a U.N. Security Council resolution against neighbouring Serbia.', null,
    [['Hungary', 'HUN', 'GOV'], ['U.N. Security Council', 'IGO', '*'], ['Serbia', 'SRB', 'GOV']]],
  ['Finland will give Tanzania a grant to finance water projects.', null,
    [['Finland', 'FIN', 'GOV'], ['Tanzania', 'TZA', 'GOV']]],
  ['The Egyptian army lifted the blockade on Palestinian trucks, officials said.', null,
    [['The Egyptian army', 'EGY', 'MIL'], ['Palestinian', 'PSE', '*']]],
  ['Afghan rebel leaders said they would meet the U.N. mediator next week.', null,
    [['Afghan rebel leaders', 'AFG', 'REB']]],
  ['Moroccan diplomats held their first meeting with the Algerian foreign minister.', null,
    [['Moroccan diplomats', 'MAR', 'GOV'], ['the Algerian foreign minister', 'DZA', 'GOV']]],
  ['A group of Chilean farmers blocked the highway to protest water cuts.', null,
    [['Chilean farmers', 'CHL', 'AGR']]],
  ['Thousands of Iraqi Kurds demonstrated in Erbil.', null,
    [['Iraqi Kurds', 'IRQ', 'CVL']]],
  ['Indonesian students staged a sit-in outside parliament.', null,
    [['Indonesian students', 'IDN', 'EDU']]],
  ['Saudi Arabia and the United Arab Emirates restored ties with Qatar.', null,
    [['Saudi Arabia', 'SAU', 'GOV'], ['the United Arab Emirates', 'ARE', 'GOV'], ['Qatar', 'QAT', 'GOV']]],
  ['Vietnam and the Philippines signed a coast guard agreement.', null,
    [['Vietnam', 'VNM', 'GOV'], ['the Philippines', 'PHL', 'GOV']]],
  ['Argentine judges ordered the release of the journalists.', null,
    [['Argentine judges', 'ARG', 'JUD']]],
  ['Mexican soldiers clashed with cartel gunmen in Sinaloa.', null,
    [['Mexican soldiers', 'MEX', 'MIL']]],
  ['The Ivory Coast and Ghana agreed to share intelligence.', null,
    [['The Ivory Coast', 'CIV', 'GOV'], ['Ghana', 'GHA', 'GOV']]],
  ['Somali officials accused Ethiopia of violating their sovereignty.', null,
    [['Somali officials', 'SOM', 'GOV'], ['Ethiopia', 'ETH', 'GOV']]],
  ['Greek and Turkish Cypriot leaders will meet under UN auspices.', null,
    [['Greek', 'GRC', '*']]],
  ['The Dutch government recalled its ambassador from Caracas.', null,
    [['The Dutch government', 'NLD', 'GOV']]],
  ['Swiss prosecutors opened an investigation into the bank.', null,
    [['Swiss prosecutors', 'CHE', 'JUD']]],
  ['Norwegian aid workers were evacuated from the camp.', null,
    [['Norwegian aid workers', 'NOR', 'NGO']]],
  ['Belarusian border guards pushed the migrants back toward Poland.', null,
    [['Belarusian border guards', 'BLR', 'COP']]],
  ['The Chinese navy held drills near Taiwan.', null,
    [['The Chinese navy', 'CHN', 'MIL'], ['Taiwan', 'TWN', 'GOV']]],
  ['Canadian Prime Minister Jean Tremblay met Mexican officials in Ottawa.', '2030-01-10',
    [['Canadian Prime Minister Jean Tremblay', 'CAN', 'GOV'], ['Mexican officials', 'MEX', 'GOV']]],
  ['Haitian police and Kenyan officers patrolled the port.', null,
    [['Haitian police', 'HTI', 'COP'], ['Kenyan officers', 'KEN', 'MIL']]],
  ['Bosnian Serbs said their forces had completed the withdrawal.', null,
    [['Bosnian Serbs', 'BIH', 'CVL'], ['their forces', 'BIH', 'MIL']]],
  ['Congolese refugees crossed into Uganda over the weekend.', null,
    [['Congolese refugees', 'COD', 'REF']]],
  ['Lebanese police said Hezbollah fighters had fired rockets.', null,
    [['Lebanese police', 'LBN', 'COP']]],
  ['The Sri Lankan army freed the hostages, the defence ministry said.', null,
    [['The Sri Lankan army', 'LKA', 'MIL']]],
  ['Poland\'s foreign minister summoned the Belarusian ambassador.', '2025-02-01',
    [["Poland's foreign minister", 'POL', 'GOV'], ['the Belarusian ambassador', 'BLR', 'GOV']]],
  ["Members of the Serbian Workers' Union (SSS) went on strike, and the SSS said talks had failed.", null,
    [["the Serbian Workers' Union", 'SRB', 'LAB'], ['SSS', 'SRB', 'LAB']]],
  ['President Omar Hassan al-Bashir lifted the curfew.', null,
    [['President Omar Hassan al-Bashir', 'SDN', '*']]],
  ['Recent US drone strikes killed eight militants.', null,
    [['US', 'USA', '*']]],
  ['Australian and New Zealand troops joined the exercise.', null,
    [['Australian', 'AUS', 'MIL'], ['New Zealand troops', 'NZL', 'MIL']]],

  // Written after the rules above, and first run untouched (69 of 73 right); kept as they were
  // written except four span conventions ("the U.S." includes its article).
  ['Malian soldiers and Russian mercenaries were ambushed near Timbuktu, a local official said.', '2024-07-28', [['Malian soldiers', 'MLI', 'MIL'], ['Russian mercenaries', 'RUS', 'UAF']]],
  ['The Rapid Support Forces shelled El Fasher overnight, residents said.', '2024-06-10', [['The Rapid Support Forces', 'SDN', 'REB']]],
  ['Boko Haram fighters abducted dozens of villagers in Borno state.', '2024-03-08', [['Boko Haram fighters', 'NGA', '*']]],
  ['M23 rebels, backed by Rwanda, entered Goma on Monday.', '2025-01-27', [['M23 rebels', 'COD', 'REB'], ['Rwanda', 'RWA', 'GOV']]],
  ['Somalia accused Ethiopia of annexing its territory, and al-Shabaab vowed to fight.', '2024-01-03', [['Somalia', 'SOM', 'GOV'], ['Ethiopia', 'ETH', 'GOV'], ['al-Shabaab', 'SOM', '*']]],
  ['Chinese Foreign Minister Wang Yi met his Indian counterpart in New Delhi.', '2025-08-18', [['Chinese Foreign Minister Wang Yi', 'CHN', 'GOV']]],
  ['Indian troops and Pakistani soldiers exchanged fire along the Line of Control.', '2025-05-08', [['Indian troops', 'IND', 'MIL'], ['Pakistani soldiers', 'PAK', 'MIL']]],
  ['Islamabad denied the claim, while New Delhi said it had acted in self-defence.', '2025-05-08', [['Islamabad', 'PAK', 'GOV'], ['New Delhi', 'IND', 'GOV']]],
  ['The Houthis said they had targeted a U.S. destroyer in the Red Sea.', '2024-02-01', [['The Houthis', 'YEM', '*']]],
  ['Iraqi militias fired drones at a base housing American troops.', '2024-01-29', [['Iraqi militias', 'IRQ', 'INS'], ['American troops', 'USA', 'MIL']]],
  ['Jordanian authorities arrested several people suspected of smuggling weapons.', '2024-05-15', [['Jordanian authorities', 'JOR', 'GOV']]],
  ['A Saudi official, who spoke on condition of anonymity, said Riyadh would not normalise ties.', '2024-02-07', [['A Saudi official, who spoke on condition of anonymity', 'SAU', 'GOV'], ['Riyadh', 'SAU', 'GOV']]],
  ['Emirati and Omani ministers discussed maritime security in Muscat.', '2024-09-10', [['Emirati', 'ARE', 'GOV'], ['Omani ministers', 'OMN', 'GOV']]],
  ['Kuwait\'s emir dissolved parliament and suspended some articles of the constitution.', '2024-05-10', [["Kuwait's emir", 'KWT', 'GOV']]],
  ['Bahraini police dispersed a protest in Manama.', '2024-04-01', [['Bahraini police', 'BHR', 'COP']]],
  ['Brazilian President Luiz Inacio Lula da Silva urged Venezuela to publish the results.', '2024-08-01', [['Brazilian President Luiz Inacio Lula da Silva', 'BRA', 'GOV'], ['Venezuela', 'VEN', 'GOV']]],
  ['Argentine lawmakers approved the reform package after a marathon session.', '2024-06-13', [['Argentine lawmakers', 'ARG', 'LEG']]],
  ['Mexico\'s security cabinet said soldiers had killed 19 cartel gunmen.', '2024-10-27', [["Mexico's security cabinet", 'MEX', 'GOV']]],
  ['Ecuadorean soldiers patrolled the prisons after gangs seized guards.', '2024-01-10', [['Ecuadorean soldiers', 'ECU', 'MIL']]],
  ['Peruvian prosecutors raided the president\'s home.', '2024-03-30', [['Peruvian prosecutors', 'PER', 'JUD']]],
  ['South African President Cyril Ramaphosa called for a ceasefire.', '2024-11-01', [['South African President Cyril Ramaphosa', 'ZAF', 'GOV']]],
  ['Nigeria\'s army said it had killed a senior commander of the Islamic State West Africa Province.', '2024-05-01', [["Nigeria's army", 'NGA', 'MIL']]],
  ['Kenyan lawmakers voted to impeach the deputy president.', '2024-10-08', [['Kenyan lawmakers', 'KEN', 'LEG']]],
  ['The Ethiopian government and the Tigray People\'s Liberation Front signed a truce in Pretoria.', '2022-11-02', [['The Ethiopian government', 'ETH', 'GOV'], ["the Tigray People's Liberation Front", 'ETH', '*']]],
  ['Japanese Prime Minister Shigeru Kawada met South Korean officials in Seoul.', '2030-01-01', [['Japanese Prime Minister Shigeru Kawada', 'JPN', 'GOV'], ['South Korean officials', 'KOR', 'GOV']]],
  ['Philippine coast guard vessels were blocked by Chinese ships near the shoal.', '2024-06-17', [['Philippine coast guard vessels', 'PHL', 'COP']]],
  ['Taiwan\'s defence ministry said 30 Chinese aircraft had crossed the median line.', '2024-10-14', [["Taiwan's defence ministry", 'TWN', 'GOV']]],
  ['Vietnamese officials welcomed the U.S. decision.', '2024-09-01', [['Vietnamese officials', 'VNM', 'GOV'], ['the U.S.', 'USA', 'GOV']]],
  ['Myanmar\'s military government extended the state of emergency.', '2024-07-31', [["Myanmar's military government", 'MMR', '*']]],
  ['The Arakan Army seized a key town from junta forces.', '2024-12-20', [['The Arakan Army', 'MMR', 'REB']]],
  ['Estonian and Latvian defence ministers signed a joint procurement deal.', '2024-03-01', [['Estonian', 'EST', 'GOV'], ['Latvian defence ministers', 'LVA', 'GOV']]],
  ['Swedish prosecutors charged two men over the cable damage.', '2025-02-01', [['Swedish prosecutors', 'SWE', 'JUD']]],
  ['Norway and Iceland will coordinate their positions ahead of the summit.', '2025-02-01', [['Norway', 'NOR', 'GOV'], ['Iceland', 'ISL', 'GOV']]],
  ['The Danish government summoned the U.S. envoy over the Greenland remarks.', '2025-08-27', [['The Danish government', 'DNK', 'GOV']]],
  ['Hungarian Prime Minister Viktor Orban blocked the EU statement.', '2025-03-20', [['Hungarian Prime Minister Viktor Orban', 'HUN', 'GOV'], ['the EU', 'IGO', '*']]],
  ['Slovak police detained a man after the shooting, the interior minister said.', '2024-05-15', [['Slovak police', 'SVK', 'COP']]],
  ['Serbian President Aleksandar Vucic said Belgrade would not recognise Kosovo.', '2024-02-17', [['Serbian President Aleksandar Vucic', 'SRB', 'GOV'], ['Belgrade', 'SRB', 'GOV'], ['Kosovo', 'XKX', 'GOV']]],
  ['Moldova accused Moscow of meddling in the referendum.', '2024-10-21', [['Moldova', 'MDA', 'GOV'], ['Moscow', 'RUS', 'GOV']]],
  ['Georgia\'s ruling party won the vote, the central election commission said.', '2024-10-27', [['Georgia', 'GEO', '*']]],
  ['Azerbaijani forces launched an operation in Nagorno-Karabakh.', '2023-09-19', [['Azerbaijani forces', 'AZE', 'MIL']]],
  ['Armenian Prime Minister Nikol Pashinyan said Yerevan was ready to sign.', '2025-03-14', [['Armenian Prime Minister Nikol Pashinyan', 'ARM', 'GOV'], ['Yerevan', 'ARM', 'GOV']]],
  ['Kazakh authorities detained dozens of protesters in Almaty.', '2022-01-06', [['Kazakh authorities', 'KAZ', 'GOV']]],
  ['Two senior European diplomats said the talks had collapsed.', '2025-06-01', [['Two senior European diplomats', null, 'GOV']]],
  ['A Hamas official told Reuters the group had received the proposal.', '2025-10-01', [['A Hamas official', 'PSE', '*']]],
  ['A spokesperson for the Ukrainian military said the attack was repelled.', '2025-10-01', [['A spokesperson for the Ukrainian military', 'UKR', '*']]],
  ['The French President and the German Chancellor will travel to Kyiv together.', '2025-05-09', [['The French President', 'FRA', 'GOV'], ['the German Chancellor', 'DEU', 'GOV']]],
  ['U.K. Foreign Secretary David Lammy said Britain would keep up the pressure.', '2025-01-20', [['U.K. Foreign Secretary David Lammy', 'GBR', 'GOV'], ['Britain', 'GBR', 'GOV']]],
  ['Starmer said he would not rule out sending troops.', '2025-02-17', [['Starmer', 'GBR', 'GOV'], ['he', 'GBR', 'GOV']]],
  ['Biden signed the aid bill into law on Wednesday.', '2024-04-24', [['Biden', 'USA', 'GOV']]],
  ['Biden criticised the decision in a speech.', '2025-09-01', [['Biden', 'USA', 'ELI']]],
  // The Arabic article as the press variously writes it: the dictionary spells the name one way.
  ['President Omar El Bashir addressed the parliament in Khartoum.', '2001-05-01', [['President Omar El Bashir', 'SDN', 'GOV']]],
  ['Abdel Fattah al-Sisi received the Qatari emir in Cairo.', '2024-05-01', [['Abdel Fattah al-Sisi', 'EGY', 'GOV'], ['the Qatari emir', 'QAT', 'GOV']]],
  ['Abdel Fattah Sisi received the Qatari emir in Cairo.', '2024-05-01', [['Abdel Fattah Sisi', 'EGY', 'GOV'], ['the Qatari emir', 'QAT', 'GOV']]],
  // "ethnic" names an ethnicity, not a state's people; without it a plural demonym is the state's.
  ['Hundreds of ethnic Hungarians rallied in the Romanian city of Cluj.', '2024-03-15', [['Hungarians', null, 'CVL']]],
  ['Hundreds of Hungarians rallied in Budapest.', '2024-03-15', [['Hungarians', 'HUN', 'CVL']]],
  ['Islamic fundamentalists set fire to a cinema.', '2024-03-15', [['Islamic fundamentalists', null, 'RAD']]],
  // Office holders before 2000 (people-historical.json): in office on the date, an elite after it.
  ['President Juvenal Habyarimana met rebel leaders in Arusha.', '1993-08-04', [['President Juvenal Habyarimana', 'RWA', 'GOV']]],
  ['Carlos Saul Menem flew to Washington for talks.', '1995-06-01', [['Carlos Saul Menem', 'ARG', 'GOV']]],
  ['Gorbachev said the reforms had come too late.', '2005-03-01', [['Gorbachev', 'RUS', 'ELI']]],
];

/** Known gaps: cases the recogniser does not read yet (run as todo, so they report without failing). */
const knownGaps: Case[] = [
];

/** Phrases that must not become actor mentions: [sentence, text that has no actor]. */
const notActors: [sentence: string, text: string][] = [
  ['The Washington Post reported that the talks had stalled.', 'Washington'],
  ['Let us hope the talks resume, said Jordan Peterson.', 'Jordan'],
  ['Let us hope the talks resume, said Jordan Peterson.', 'Let'],
  ['The Ukrainian Orthodox Church held a service in Lviv.', 'Ukrainian'],
  ['Military aid to Ukraine has stalled in the Senate.', 'Military aid'],
  ['The two leaders will meet in Kyiv next week.', 'Kyiv'],
  ['The army base near Kharkiv was hit by drones.', 'The army'],
  ['The delegation will travel to Washington on Monday.', 'Washington'],
  ['He described his rival as president.', 'president'],
  ['Marta Lavrov, a teacher in Moscow, joined the protest. Lavrov said she was afraid.', 'Lavrov'],
  ['The new iPod Nano went on sale in Tirana.', 'Nano'],
];

const dict = loadActorDictionary();
const segment = segmentStage();
const actors = actorsStage(dict);

function read(text: string, published: string | null): Document {
  const doc = new Document({ id: 't', published, title: null, url: null, source: null, text });
  segment.run(doc);
  actors.run(doc);
  return doc;
}

/** The coded actor of the first entity with exactly this text that has one. */
function codeOf(doc: Document, mention: string): { country: string | null; sector: string | null } | null {
  const e = (doc.entities ?? []).find((x) => x.text === mention && x.actor);
  const a = e && (doc.actors ?? []).find((x) => x.id === e.actor);
  return a ? { country: a.country, sector: a.sector } : null;
}

let total = 0;
for (const [, , expected] of cases) total += expected.length;

test(`actors › the sentence table holds at least 150 expected mentions (${total})`, () => {
  assert.ok(total >= 150, `only ${total} mentions`);
});

for (const [sentence, published, expected] of cases) {
  test(`actors › ${sentence.slice(0, 70)}`, () => {
    const doc = read(sentence, published);
    for (const [mention, country, sector] of expected) {
      const got = codeOf(doc, mention);
      assert.ok(got, `no actor for "${mention}"; entities: ${(doc.entities ?? []).map((e) => e.text).join(' | ')}`);
      assert.equal(got.country, country, `country of "${mention}"`);
      if (sector !== '*') assert.equal(got.sector, sector, `sector of "${mention}"`);
    }
  });
}

for (const [sentence, text] of notActors) {
  test(`actors › "${text}" is no actor mention in: ${sentence}`, () => {
    const doc = read(sentence, '2025-10-14');
    const bad = (doc.entities ?? []).filter((e) => e.text.startsWith(text) && e.actor && (e as { asActor?: boolean }).asActor !== false);
    assert.deepEqual(bad.map((e) => e.text), []);
  });
}

for (const [sentence, published, expected] of knownGaps) {
  test(`actors › (known gap) ${sentence.slice(0, 60)}`, { todo: 'not read yet' }, () => {
    const doc = read(sentence, published);
    for (const [mention, country] of expected) assert.equal(codeOf(doc, mention)?.country, country);
  });
}

test('actors › every entity span is the text it claims, on every sentence of the table', () => {
  for (const [sentence, published] of cases) {
    const doc = read(sentence, published);
    for (const e of doc.entities ?? []) assert.equal(sentence.slice(e.start, e.end), e.text);
  }
});

test('actors › an anonymous source is marked anonymous, a named official is not', () => {
  const doc = read('“We are not there yet,” one senior Ukrainian official said, and Ukrainian officials agreed.', '2025-10-14');
  const anon = doc.entities!.find((e) => e.text === 'one senior Ukrainian official');
  assert.equal(anon?.anonymous, true);
  const named = doc.entities!.find((e) => e.text === 'Ukrainian officials');
  assert.notEqual(named?.anonymous, true);
});

test('actors › a person familiar with the talks is an anonymous source', () => {
  const doc = read('A person familiar with the talks said the draft was ready.', '2025-10-14');
  const anon = doc.entities!.find((e) => e.anonymous);
  assert.ok(anon, 'no anonymous entity');
  assert.equal(anon.text, 'A person familiar with the talks');
});

test('actors › a diplomat who asked not to be named is an anonymous source', () => {
  const doc = read('A European diplomat who asked not to be named said the vote was delayed.', '2025-10-14');
  const anon = doc.entities!.find((e) => e.anonymous);
  assert.ok(anon, 'no anonymous entity');
  assert.equal(anon.text, 'A European diplomat who asked not to be named');
});

test('actors › an unknown capitalised name stays an entity without an actor, with a P200 diagnostic', () => {
  const doc = read('Mr Halvorsen Quillfeather criticised the plan.', '2025-10-14');
  const e = doc.entities!.find((x) => x.text.includes('Quillfeather'));
  assert.ok(e, 'no entity');
  assert.equal(e.actor, null);
  assert.ok(doc.diagnostics.some((d) => d.code === 'P200'));
});

test('actors › a city used as a location is a GPE that is not an actor mention', () => {
  const doc = read('The two leaders will meet in Kyiv next week.', '2025-10-14');
  const e = doc.entities!.find((x) => x.text === 'Kyiv') as { asActor?: boolean; type: string; country?: string } | undefined;
  assert.ok(e);
  assert.equal(e.type, 'GPE');
  assert.equal(e.asActor, false);
  assert.equal(e.country, 'UKR');
});

test('actors › the President alone, with no person in the article, has no actor', () => {
  const doc = read('The President said the talks would continue.', '2025-10-14');
  const e = doc.entities!.find((x) => x.text === 'The President');
  assert.ok(e);
  assert.equal(e.actor, null);
});

test('actors › each actor lists all its mentions (Zelensky, the Ukrainian President, he)', () => {
  const doc = read('President Volodymyr Zelensky arrived in Washington. Zelensky said he wanted a deal, and the Ukrainian President thanked Congress.', '2025-10-14');
  const a = doc.actors!.find((x) => x.wikidata === 'Q3874799');
  assert.ok(a);
  assert.equal(a.mentions.length, 4);
});

/** Odd input: the stage never throws, every span holds, and resolveActor answers. */
const oddInputs: string[] = [
  '...', '“”', 'The', 'the the the', "Ukraine's", "'s", 'A A A A A A A A A A A A A A A', 'President President President Zelensky',
  'Mr.', 'one of the', 'officials in', 'advisers to', 'advisers to the', 'a spokesman for', 'al-', 'U.S.-led', 'Kyiv—Moscow',
  '🇺🇦 Zelensky 🇺🇸 Trump', 'Зеленський заявив', 'ZELENSKY SAYS UKRAINE WILL NOT CEDE', 'x'.repeat(5000), 'Ukraine and and and Russia',
  '(FIS)', 'Hamas (', 'the Ukrainian', 'a person familiar with', 'Officials\n\nin Washington', 'Trump\u00a0administration',
];
for (const text of oddInputs) {
  test(`actors › odd input does not break the stage: ${JSON.stringify(text.slice(0, 30))}`, () => {
    const doc = read(text, '2025-10-14');
    for (const e of doc.entities ?? []) assert.equal(text.slice(e.start, e.end), e.text);
    for (const a of doc.actors ?? []) assert.ok(a.mentions.length > 0);
    resolveActor(dict, text, null);
  });
}
